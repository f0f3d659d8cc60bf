contacts-new-title = Нов контакт
contacts-correct-fields = Моля, коригирайте отбелязаните по-долу полета.
contacts-create = Създай контакт
contacts-cancel = Отказ
contacts-back-to-list = Обратно към списъка
contacts-bad-date = трябва да е дата като 2026-01-31
contacts-bad-choice = не е валиден избор

contacts-first-name = Име
contacts-last-name = Фамилия
contacts-job-title = Длъжност
contacts-emails-field = Имейли (по един на ред)
contacts-phones-field = Телефони (по един на ред)
contacts-owner = Отговорник
contacts-nobody = Никой
contacts-company = Фирма
contacts-no-company = Няма
contacts-tags-field = Етикети (разделени със запетая)
contacts-postal-address = Пощенски адрес
contacts-street = Улица
contacts-postal-code = Пощенски код
contacts-city = Град
contacts-region = Област
contacts-country = Държава
contacts-notes = Бележки
contacts-custom-fields = Допълнителни полета
contacts-special-category = (специална категория: { $category })
contacts-stale-choice = (вече не е възможен избор)

contacts-bulk-confirm-title = Потвърждаване на масовата промяна
contacts-bulk-none-match = Няма контакти, отговарящи на това търсене и филтър, така че няма какво да се промени.
contacts-bulk-none-exist = Никой от отметнатите контакти вече не съществува, така че няма какво да се промени.
contacts-bulk-none-ticked = Няма отметнати редове. Върнете се, отметнете редове или изберете „Всички съответстващи контакти“.
contacts-bulk-will-add-tag = Ще бъде добавен етикетът „{ $x }“ към { $n ->
    [one] <strong>{ $n }</strong> контакт
   *[other] <strong>{ $n }</strong> контакта
}.
contacts-bulk-will-remove-tag = Ще бъде премахнат етикетът „{ $x }“ от { $n ->
    [one] <strong>{ $n }</strong> контакт
   *[other] <strong>{ $n }</strong> контакта
}.
contacts-bulk-will-assign-owner = { $x } ще стане отговорник на { $n ->
    [one] <strong>{ $n }</strong> контакт
   *[other] <strong>{ $n }</strong> контакта
}.
contacts-bulk-will-remove-owner = Ще бъде премахнат отговорникът на { $n ->
    [one] <strong>{ $n }</strong> контакт
   *[other] <strong>{ $n }</strong> контакта
}.
contacts-bulk-will-set-basis = Ще бъде записано правното основание „{ $x }“ за { $n ->
    [one] <strong>{ $n }</strong> контакт
   *[other] <strong>{ $n }</strong> контакта
}.
contacts-bulk-will-request-consent = Ще бъде изпратена заявка за съгласие по имейл до { $n ->
    [one] <strong>{ $n }</strong> контакт
   *[other] <strong>{ $n }</strong> контакта
} (контактите без имейл или вече отговорилите се пропускат).
contacts-bulk-send-to = { $n ->
    [one] Изпрати до { $n } контакт
   *[other] Изпрати до { $n } контакта
}
contacts-bulk-change = { $n ->
    [one] Промени { $n } контакт
   *[other] Промени { $n } контакта
}
contacts-bulk-choose-basis = изберете правно основание
contacts-bulk-choose-source = изберете откъде идва основанието
contacts-bulk-choose-purpose = изберете цел
contacts-bulk-choose-purpose-notice = изберете цел и уведомление
contacts-bulk-choose-action = изберете действие

contacts-segments-title = Сегменти
contacts-segments-build = Създайте сегмент от списъка с контакти
contacts-segments-intro = Сегментът е набор от филтри на списъка с контакти, запазен под име: условия за правно основание, съгласие, с кого може да се осъществи контакт (същото правило, което използва всяко изпращане), ограничаване, възражение, версия на уведомлението и преглед, заедно с филтрите по отговорник, етикет, фирма и източник. Ваши или споделени с екипа.
contacts-segments-empty = Все още няма сегменти. Филтрирайте <a href="/contacts#segment">списъка с контакти</a>, след това „Запази сегмента“.
contacts-segments-name = Име
contacts-segments-count = Контакти в момента
contacts-segments-shared = Споделен
contacts-segments-changed = Променен
contacts-segments-actions = Действия
contacts-segments-colleagues = (на колега)
contacts-segments-with-team = С екипа
contacts-segments-owner-only = Само собственикът
contacts-segments-stop-sharing = Спри споделянето
contacts-segments-share = Сподели с екипа
contacts-segments-delete = Изтрий
contacts-segments-delete-named = Изтрий сегмента { $name }
contacts-segments-saved = Сегментът е запазен.
contacts-segments-sharing-changed = Споделянето е променено.
contacts-segments-deleted = Сегментът е изтрит.

contacts-basis-not-applicable = Не се прилага
contacts-basis-consent = Съгласие
contacts-basis-contract = Договор
contacts-basis-legal-obligation = Законово задължение
contacts-basis-vital-interests = Жизненоважни интереси
contacts-basis-public-task = Задача от обществен интерес
contacts-basis-legitimate-interests = Легитимни интереси

contacts-one = Контакт
contacts-back = ← Контакти
contacts-details = Данни
contacts-email = Имейл
contacts-phone = Телефон
contacts-address = Адрес
contacts-tags = Етикети
contacts-created = Създаден
contacts-source = Източник
contacts-field-policy = Правила за полетата
contacts-changed = Променен
contacts-edit = Редактирай
contacts-not-saved = Нищо не е записано. Моля, коригирайте отбелязаните по-долу полета.
contacts-save = Запази
contacts-saved = Промените са запазени.
contacts-created-notice = Контактът е създаден.
contacts-added = Добавено в хронологията.
contacts-erasure-requested = В регистъра е подадено искане за изтриване: екипът по защита на данните го проверява и изпълнява.
contacts-policy-version = Полетата са записани последно по версия { $version } на правилата за полетата
contacts-policy-none = Полетата са събрани, преди Kith да води правила за полетата
contacts-source-by = { $what } — от { $who }, { $when }
contacts-source-at = { $what } — { $when }
contacts-source-none = Не е записан (създаден, преди Kith да записва произхода)
contacts-source-detail = { $kind }: { $detail }
contacts-source-created-in-source = { $what } (създаден в източника на { $date })
contacts-activity = Дейност
contacts-add-to-timeline = Добави в хронологията
contacts-add-a = Добави
contacts-kind-note = Бележка
contacts-kind-call = Обаждане
contacts-kind-email = Имейл
contacts-kind-meeting = Среща
contacts-what-happened = Какво се случи
contacts-add = Добави
contacts-timeline-empty = Все още няма нищо записано. Тук се показват бележки, обаждания, имейли, срещи и промени по сделки, първо най-новите.
contacts-text-hidden = (текстът е скрит за Вашата роля)
contacts-deal-moved = „{ $title }“ е преместена от { $from } в { $to }
contacts-deal-created = „{ $title }“ е създадена в { $stage }
contacts-deals = Сделки
contacts-no-deals = Няма сделки с този контакт.
contacts-delete = Изтриване
contacts-delete-summary = Изтрий този контакт…
contacts-delete-text = Това изтрива окончателно контакта, неговата хронология и всички негови лични данни. Действието не може да бъде отменено. Контакт под правно задържане или ограничаване не се изтрива, докато задържането или ограничаването не бъде отменено.
contacts-delete-for-good = Изтрий окончателно
contacts-erasure-text = Вашата роля подава искане за изтриване: екипът по защита на данните проверява дали данните трябва да се съхранят (правно задържане, ограничаване, чл. 17, параграф 3) и след това ги изтрива.
contacts-request-erasure = Поискай изтриване
contacts-who-read = Кой е чел или променял този контакт

contacts-privacy = Поверителност
contacts-undeliverable = Пощенски сървър отказа окончателно адрес на това лице ({ $dates }): кампаниите го пропускат, докато адресът не бъде променен.
contacts-restricted-title = Обработването е ограничено
contacts-restricted-text = от { $since } (чл. 18 от ОРЗД): само съхранение — без промени, бележки, изпращания или масови действия.
contacts-lift-restriction = Отмени ограничаването
contacts-restrict = Ограничи обработването
contacts-art14-send = Изпрати информацията по чл. 14
contacts-art14-sent = Информацията по чл. 14 е изпратена на { $date } ({ $how }, на { $language })
contacts-art14-not-sent = Информацията по чл. 14 не е изпратена
contacts-art14-from-import = от страницата на импорта
contacts-art14-automatically = автоматично
contacts-art14-by-staff = от служител
contacts-language-en = английски
contacts-language-it = италиански
contacts-language-fr = френски
contacts-language-bg = български
contacts-language-de = немски
contacts-language-es = испански
contacts-retention = Съхранение
contacts-hold-title = Правно задържане
contacts-hold-text = — правилата за съхранение няма да изтрият този контакт. Причина: { $reason }. Преглед на { $date }.
contacts-release-hold = Отмени правното задържане
contacts-place-hold = Наложи правно задържане
contacts-hold-reason = Причина (напр. делото, в което данните са доказателство)
contacts-hold-review-on = Преглед на
contacts-hold-place = Наложи задържането
contacts-review-due = Предстои преглед:
contacts-review-question = точен ли е този запис и все още ли е необходим?
contacts-last-reviewed = Последен преглед: { $date }.
contacts-mark-reviewed = Отбележи като прегледан: точен и все още необходим
contacts-objections = Възражения
contacts-uphold = Уважи
contacts-override = Отхвърли (убедителни законови основания)
contacts-requests = Искания (права по ОРЗД)
contacts-no-requests = Няма искания от това лице.
contacts-request-line = { $status }, получено на { $received }
contacts-request-line-due = { $status }, получено на { $received }, срок { $due }
contacts-register-request = Регистрирай искане
contacts-person-asks = Субектът на данните иска
contacts-received-by = Получено чрез
contacts-note = Бележка
contacts-register = Регистрирай искането
contacts-no-purposes = Все още няма определени цели.
contacts-may-we-contact = Можем ли да се свържем с това лице?
contacts-consent-history = История на съгласията ({ $n })
contacts-receipt = разписка
contacts-request-consent = Поискай съгласие
contacts-set-basis = Задай правно основание
contacts-purpose = Цел
contacts-basis = Основание
contacts-lia-ref = Номер на оценката (за легитимни интереси)
contacts-ends-on = Изтича на (краят на договора, ако е известен)
contacts-save-basis = Запази основанието
contacts-record-objection-title = Запиши възражение (чл. 21)
contacts-person-objects = Лицето възразява срещу
contacts-record-objection = Запиши възражението
contacts-record-consent-title = Запиши съгласие, дадено по телефона или на хартия
contacts-consent-given = Дадено съгласие
contacts-how = Как
contacts-channels = Канали
contacts-affirmative-act = Какво каза или направи лицето
contacts-evidence = Доказателство (номер на записа, сканиран формуляр)
contacts-record = Запиши
contacts-badge-no-email = Без имейли: { $purpose }
contacts-badge-no-phone = Без обаждания: { $purpose }
contacts-badge-no-sms = Без SMS: { $purpose }
contacts-badge-no-post = Без писма: { $purpose }
contacts-badge-awaiting = { $channel }: { $purpose } — очаква отговор от { $date }
contacts-badge-not-responded = { $channel }: { $purpose } — без отговор
contacts-badge-expired = { $channel }: { $purpose } — съгласието е изтекло
contacts-badge-ok = { $channel }: { $purpose } ✓
contacts-basis-source-named = { $source } „{ $name }“
contacts-basis-detail = { $source }, от { $date }, зададено от { $who }
contacts-basis-detail-lia = { $source }, оценка { $lia }, от { $date }, зададено от { $who }
contacts-the-system = системата

contacts-event-note = бележка
contacts-event-call = обаждане
contacts-event-email = имейл
contacts-event-meeting = среща
contacts-event-deal = сделка

contacts-source-manual = Въведен от служител
contacts-source-web-form = Уеб формуляр
contacts-source-import = Импорт
# same as English
contacts-source-api = API

contacts-bsource-web-form = Уеб формуляр
contacts-bsource-import = Импорт
contacts-bsource-manual = Ръчно въвеждане
contacts-bsource-api-client = API клиент

contacts-channel-email = Имейл
contacts-channel-phone = Телефон
# same as English
contacts-channel-sms = SMS
contacts-channel-post = Поща

contacts-action-requested = Поискано
contacts-action-given = Дадено
contacts-action-refused = Отказано
contacts-action-withdrawn = Оттеглено
contacts-action-expired = Изтекло
contacts-method-web-form = Уеб формуляр
contacts-method-double-opt-in = Двойно потвърждение
contacts-method-portal = Портал за поверителност
contacts-method-phone = Телефон
contacts-method-paper = Хартиен формуляр
contacts-method-import = Импорт
# same as English
contacts-method-api = API

contacts-decision-pending = Очаква решение
contacts-decision-upheld = Уважено: обработването е спряно
contacts-decision-overridden = Отхвърлено: записани са убедителни законови основания

contacts-dsr-access = Достъп (чл. 15)
contacts-dsr-portability = Преносимост (чл. 20)
contacts-dsr-rectification = Коригиране (чл. 16)
contacts-dsr-erasure = Изтриване (чл. 17)
contacts-dsr-restriction = Ограничаване (чл. 18)
contacts-dsr-objection = Възражение (чл. 21)
contacts-dsr-withdraw-consent = Оттегляне на съгласие (чл. 7, параграф 3)
contacts-dsr-information = Информация (чл. 13–15)
contacts-dsr-automated-decision-review = Преразглеждане на автоматизирано решение (чл. 22)
contacts-dsr-channel-portal = Портал за поверителност
contacts-dsr-channel-email = Имейл
contacts-dsr-channel-phone = Обаждане
contacts-dsr-channel-letter = Писмо
contacts-dsr-channel-staff = Служител

contacts-list-title = Контакти
contacts-list-new = + Нов контакт
contacts-list-reviews = Предстоящи прегледи
contacts-list-saved-views = Запазени изгледи
contacts-list-saved-views-label = Запазени изгледи:
contacts-list-delete-view = Изтрий изгледа { $name }
contacts-list-search = Търси
contacts-list-search-placeholder = Име, имейл или телефон
contacts-list-filters = Филтри, подреждане и колони
contacts-list-anyone = Всеки
contacts-list-tag = Етикет
contacts-list-any = Всички
contacts-list-created-from = Създаден от
contacts-list-created-to = Създаден до
contacts-list-sort = Подреждане
contacts-list-columns = Колони
contacts-list-clear = Изчисти
contacts-list-consent-basis = Съгласие и основание
contacts-list-active-conditions = Активни условия
contacts-list-remove-condition = Премахни условието { $condition }
contacts-list-act-on-all = действай за всички тях
contacts-list-add-condition-label = Добавяне на условие
contacts-list-condition = Условие
contacts-list-channel = Канал
contacts-list-consent-state = Състояние на съгласието
contacts-list-add-condition = Добави условие
contacts-list-save-as-segment = Запази като сегмент
contacts-list-save-filters-segment = Запази тези филтри като сегмент
contacts-list-save-segment = Запази сегмента
contacts-list-saved-segments = Запазени сегменти
contacts-list-start-again = започнете отначало
contacts-list-save-this-view = Запази този изглед
contacts-list-save-as-view = Запази филтрите, подреждането и колоните като изглед
contacts-list-save-view = Запази изгледа
contacts-list-first-run-add-import = <strong>Все още няма контакти</strong> — <a href="/contacts/new">добавете един</a> или импортирайте CSV файл (<a href="/import">Импорт на контакти</a> или <code>kith import contacts</code>). За обиколка <code>kith demo</code> попълва Kith с измислени примерни данни.
contacts-list-first-run-add = <strong>Все още няма контакти</strong> — <a href="/contacts/new">добавете един</a> или импортирайте CSV файл (файловете се импортират от администратор или от ДЛЗД). За обиколка <code>kith demo</code> попълва Kith с измислени примерни данни.
contacts-list-first-run-import = <strong>Все още няма контакти</strong>: импортирайте CSV файл (<a href="/import">Импорт на контакти</a> или <code>kith import contacts</code>). За обиколка <code>kith demo</code> попълва Kith с измислени примерни данни.
contacts-list-first-run = <strong>Все още няма контакти</strong>: CSV файловете се импортират от администратор или от ДЛЗД. За обиколка <code>kith demo</code> попълва Kith с измислени примерни данни.
contacts-list-no-match = Няма съответстващи контакти.
contacts-list-no-match-search = Няма контакти, отговарящи на това търсене.
contacts-list-no-match-filters = Няма контакти, отговарящи на тези филтри.
contacts-list-no-match-both = Няма контакти, отговарящи на това търсене и тези филтри.
contacts-list-show-all = Покажи всички контакти
contacts-list-request-all = Поискай съгласие от всички съответстващи…
contacts-list-bulk-action = Масово действие
contacts-list-selected-rows = Избраните редове
contacts-list-all-matching = Всички контакти, отговарящи на това търсене и филтър
contacts-list-all-contacts = Всички контакти — без изключение
contacts-list-action = Действие
contacts-list-assign-owner = Назначи отговорник
contacts-list-add-tag = Добави етикет
contacts-list-remove-tag = Премахни етикет
contacts-list-request-by-email = Поискай съгласие по имейл
contacts-list-owner-for-assign = Отговорник (за „Назначи отговорник“)
contacts-list-tag-for = Етикет (за добавяне / премахване)
contacts-list-review = Преглед…
contacts-list-basis-options = Настройки за правно основание и искане на съгласие
contacts-list-basis-for-set = Основание (за „Задай правно основание“)
contacts-list-source-name = Име на източника (файл, формуляр, клиент)
contacts-list-lia-ref = Номер на оценката (легитимни интереси)
contacts-list-effective = В сила от
contacts-list-notice-for = Уведомление (за „Поискай съгласие“)
contacts-list-mail-subject = Тема на писмото
contacts-list-mail-text = Текст на писмото
contacts-list-days-to-answer = Дни за отговор
contacts-list-select-page = Избери всички на тази страница
contacts-list-select = Избери { $name }
contacts-list-name = Име
contacts-list-consent-col = Съгласие: { $purpose }
contacts-list-next-page = Следваща страница →
contacts-list-first-page = ↑ Първа страница
contacts-list-changed = { $n ->
    [one] { $n } контакт е променен.
   *[other] { $n } контакта са променени.
}
contacts-list-requested = { $n ->
    [one] Поискано е съгласие от { $n } контакт.
   *[other] Поискано е съгласие от { $n } контакта.
}
contacts-list-deleted = Контактът и всички негови лични данни са изтрити.
contacts-list-view-saved = Изгледът е запазен.
contacts-list-view-deleted = Изгледът е изтрит.
contacts-list-match-count = { $n ->
    [one] { $n } съответстващ контакт
   *[other] { $n } съответстващи контакта
}
contacts-list-no-basis = Без основание
contacts-list-choose-source = изберете източник от списъка
contacts-list-choose-channel = изберете канал
contacts-list-choose-basis = изберете основание (или без)
contacts-list-choose-state = изберете състояние на съгласието
contacts-list-choose-condition = изберете условие
contacts-list-unknown-purpose = неизвестна цел
contacts-sort-newest = Първо най-новите
contacts-sort-oldest = Първо най-старите
contacts-sort-recently-changed = Наскоро променени
contacts-sort-least-recently-changed = Най-отдавна променени

contacts-col-email = Имейл
contacts-col-phone = Телефон
contacts-col-job-title = Длъжност
contacts-col-company = Фирма
contacts-col-owner = Отговорник
contacts-col-tags = Етикети
contacts-col-created = Създаден
contacts-col-updated = Обновен

contacts-cond-may = Може да бъде потърсен (цел, канал)
contacts-cond-may-not = Не може да бъде потърсен (цел, канал)
contacts-cond-basis = Правното основание е (цел, основание)
contacts-cond-consent = Състоянието на съгласието е (цел, канал, състояние)
contacts-cond-objected = Възразил срещу целта
contacts-cond-objected-any = Възразил срещу някоя цел
contacts-cond-old-notice = Съгласие по по-старо уведомление (цел)
contacts-cond-restricted = Обработването е ограничено
contacts-cond-not-restricted = Обработването не е ограничено
contacts-cond-review-due = Предстои преглед
contacts-chip-basis = { $purpose }: основание { $basis }
contacts-chip-no-basis = { $purpose }: без правно основание
contacts-chip-consent = { $purpose }: съгласие за { $channel } { $state }
contacts-chip-may = { $purpose }: може да бъде потърсен по { $channel }
contacts-chip-may-not = { $purpose }: не може да бъде потърсен по { $channel }
contacts-chip-objected = { $purpose }: възражение
contacts-chip-old-notice = { $purpose }: съгласие по по-старо уведомление

contacts-badge-unknown = Неизвестно
contacts-badge-no-basis = без основание
contacts-badge-title-may = Основание: { $basis }; съгласие за имейл: { $state }; може да получава имейли
contacts-badge-title-may-not = Основание: { $basis }; съгласие за имейл: { $state }; не може да получава имейли

contacts-state-none = Няма запис
contacts-state-awaiting = Очаква отговор
contacts-state-not-responded = Без отговор
contacts-state-given = Дадено
contacts-state-refused = Отказано
contacts-state-withdrawn = Оттеглено
contacts-state-expired = Изтекло

contacts-choose-kind = изберете бележка, обаждане, имейл или среща
contacts-bad-emails = всеки ред трябва да е имейл адрес като name@example.com
contacts-special-not-allowed = Вашата роля не може да променя полета от специални категории

contacts-special-health = Здраве
contacts-special-religion = Религиозни или философски убеждения
contacts-special-political-opinion = Политически възгледи
contacts-special-ethnic-origin = Расов или етнически произход
contacts-special-trade-union = Членство в синдикални организации
contacts-special-genetic = Генетични данни
contacts-special-biometric = Биометрични данни
contacts-special-sex-life = Сексуален живот или сексуална ориентация
contacts-special-criminal = Присъди и нарушения
