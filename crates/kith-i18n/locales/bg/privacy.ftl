## Преглед на поверителността (privacy.html) и диаграмите към него.
privacy-title = Поверителност
privacy-heading = Преглед на поверителността
privacy-intro = { $contacts ->
    [one] { $contacts } контакт
   *[other] { $contacts } контакта
}. Бройки по цел: записано правно основание и съгласие по канал към момента (изтеклите съгласия и неотговорените заявки се броят като такива).
privacy-accountability = Отчетност:
privacy-link-register = Регистър на дейностите по обработване
privacy-link-recipients = Получатели и предавания
privacy-link-breaches = Нарушения
privacy-link-setup = Цели, уведомления, абонаменти и формуляри
privacy-link-outbox = Изходяща поща
privacy-link-import = Импортиране на контакти
privacy-link-retention = Съхранение
privacy-link-fields = Политика за полетата
privacy-link-evidence = Пакет с доказателства
privacy-art14-heading = Уведомления по чл. 14
privacy-art14-text = Хората, чиито данни идват от импорт или от въвеждане от служител, се уведомяват еднократно, в срок от един месец, кой държи данните, защо, откъде идват и какви са правата им (чл. 14, параграф 3, буква а).
privacy-art14-overdue = Просрочени: { $n ->
    [one] { $n } човек е
   *[other] { $n } души са
} в Kith повече от месец без уведомлението.
privacy-art14-overdue-none = Просрочени: няма.
privacy-art14-auto = Изпращане автоматично
privacy-art14-after = дни след създаването на контакта
privacy-save = Запазване
privacy-empty = Все още няма определени цели.
privacy-empty-define = Определете първата цел
privacy-bars-help = Всяко число и всяка част от лента отваря контактите, които брои.
privacy-basis-caption = Правно основание
privacy-consent-caption = Съгласие
privacy-channel = Канал
privacy-trend-heading = Последните 12 месеца
privacy-trend-heading-of = Последните 12 месеца: { $purpose }
privacy-trend-help = По календарни месеци (UTC): дадени и оттеглени съгласия (всяко събитие от регистъра веднъж, независимо от каналите му) и отговорени искания на субекти на данни (изпълнени или отхвърлени; всички искания, те не се отнасят до една цел).
privacy-trend-help-of = По календарни месеци (UTC): дадени и оттеглени съгласия за тази цел (всяко събитие от регистъра веднъж, независимо от каналите му) и отговорени искания на субекти на данни (изпълнени или отхвърлени; всички искания, те не се отнасят до една цел).
privacy-trend-purpose = Цел
privacy-trend-every = Всички цели
privacy-show = Показване
privacy-trend-caption = По месеци
privacy-month = Месец
privacy-consent-given = Дадени съгласия
privacy-consent-withdrawn = Оттеглени съгласия
privacy-requests-answered = Отговорени искания
privacy-trend-unknown = Такава цел не съществува: тенденцията показва всички цели.
privacy-chart-trend = Последните 12 месеца: { $purpose }
privacy-chart-trend-all = Последните 12 месеца: всички цели
privacy-chart-basis = { $purpose }: правно основание
privacy-chart-consent = { $purpose }: съгласие по { $channel }
privacy-no-basis = Без основание
privacy-chart-empty = Няма контакти за броене
privacy-chart-nothing = Нищо не е записано през тези месеци
privacy-month-label = { $month } { $year }
privacy-month-1 = яну
privacy-month-2 = фев
privacy-month-3 = мар
privacy-month-4 = апр
privacy-month-5 = май
privacy-month-6 = юни
privacy-month-7 = юли
privacy-month-8 = авг
privacy-month-9 = сеп
privacy-month-10 = окт
privacy-month-11 = ное
privacy-month-12 = дек

## Затворени речници, показвани на тези страници.
privacy-basis-not-applicable = Не се прилага
privacy-basis-consent = Съгласие
privacy-basis-contract = Договор
privacy-basis-legal-obligation = Законово задължение
privacy-basis-vital-interests = Жизненоважни интереси
privacy-basis-public-task = Задача от обществен интерес
privacy-basis-legitimate-interests = Легитимни интереси
privacy-state-none = Няма запис
privacy-state-awaiting = Очаква отговор
privacy-state-not-responded = Без отговор
privacy-state-given = Дадено
privacy-state-refused = Отказано
privacy-state-withdrawn = Оттеглено
privacy-state-expired = Изтекло
privacy-channel-email = Имейл
privacy-channel-phone = Телефон
# same as English
privacy-channel-sms = SMS
privacy-channel-post = Поща

## Настройка на съгласието и страниците за редактиране на формуляр и на цел.
privacy-setup-title = Настройка на съгласието
privacy-back-overview = Обратно към прегледа
privacy-back-setup = Обратно към настройката на съгласието
privacy-setup-purposes = Цели
privacy-setup-no-purposes = Все още няма цели.
privacy-setup-default = (по подразбиране: { $basis })
privacy-name = Име
privacy-description = Описание
privacy-default-basis = Правно основание по подразбиране
privacy-data-categories = Категории данни (разделени със запетаи)
privacy-setup-retention = Срок на съхранение, обяснен за хората
privacy-setup-recipients = Получателите се вписват в регистъра, всеки с целите, на които служи:
privacy-recipients-link = Поверителност → Получатели
privacy-direct-marketing = Директен маркетинг (възражение го спира веднага)
privacy-setup-rule-later = След като целта е добавена, задайте на нейната страница правилото за съхранение, което почистването прилага.
privacy-setup-add-purpose = Добавяне на цел
privacy-setup-notices = Уведомления за поверителност
privacy-setup-notices-help = Уведомление никога не се редактира: публикуването под същото име добавя следващата му версия.
privacy-notice-version = { $name } в{ $version }
privacy-language = Език
privacy-setup-notice-url = Адрес на публикувания текст (по избор)
privacy-setup-notice-text = Текст
privacy-setup-publish = Публикуване на версия
privacy-setup-subs = Видове абонаменти
privacy-setup-channels = Канали
privacy-setup-add-sub = Добавяне на вид абонамент
privacy-setup-forms = Формуляри за съгласие
privacy-setup-inactive = (неактивен)
privacy-edit = Редактиране
privacy-form-slug = Адрес /f/…
privacy-form-title = Заглавие
privacy-form-intro = Въведение
privacy-form-logo = Адрес на логото (по избор)
privacy-form-also-ask = Да се пита и за
privacy-form-phone = Телефон
privacy-setup-subs-offered = Предлагани абонаменти (показват се неотметнати)
privacy-form-notice = Уведомление
privacy-setup-third-parties = Трети страни, с които лицето може да се съгласи да се споделя (разделени със запетаи)
privacy-form-button = Текст на бутона
privacy-form-button-default = Абониране
privacy-setup-create-form = Създаване на формуляр
privacy-setup-bad-form = Изберете уведомление и поне един вид абонамент.
privacy-form-edit-title = Редактиране на формуляр за съгласие
privacy-form-open-public = Отваряне на публичната страница
privacy-form-active = Активен (публичната страница отговаря)
privacy-form-subs-offered = Предлагани абонаменти (показват се неотметнати на посетителите)
privacy-form-third-parties = Трети страни (разделени със запетаи)
privacy-form-save = Запазване на формуляра
privacy-purpose-edit-title = Редактиране на цел
privacy-purpose-requests = Заявки за съгласие за тази цел (автоматично правило, повторно разрешение)
privacy-purpose-retention = Срок на съхранение, обяснен за хората (цитира се в експортите при достъп)
privacy-purpose-rule = Правило за съхранение (прилага се от почистването)
privacy-purpose-rule-help = Данните на лицето се пазят за този период след събитието, от което се брои срокът, и след това се унищожават — щом никоя друга цел вече не оправдава пазенето им. Оставете събитието празно, ако няма правило.
privacy-purpose-after = След
privacy-purpose-no-rule = — без правило —
privacy-purpose-keep-for = Пазене за
privacy-purpose-unit = Единица
privacy-purpose-then = След това
privacy-purpose-recipients = Получателите се вписват в регистъра (всеки получател посочва целите, за които получава данни):
privacy-purpose-save = Запазване на целта
privacy-whole-number = трябва да е цяло число
privacy-anchor-last-interaction = последното взаимодействие
privacy-anchor-created = създаването
privacy-anchor-contract-end = края на договора
privacy-anchor-consent-withdrawn = оттеглянето на съгласието
privacy-anchor-deal-closed = приключването на сделките на лицето
privacy-disposal-delete = изтриване
privacy-disposal-anonymise = анонимизиране
privacy-unit-days = дни
privacy-unit-months = месеци
privacy-unit-years = години
privacy-period = { $unit ->
    [days] { $count ->
        [one] { $count } ден
       *[other] { $count } дни
    }
    [months] { $count ->
        [one] { $count } месец
       *[other] { $count } месеца
    }
   *[years] { $count ->
        [one] { $count } година
       *[other] { $count } години
    }
}
privacy-rule = { $period } { $after }, след това { $disposal }
privacy-rule-at-once = веднага { $after }, след това { $disposal }
privacy-after-last-interaction = след последното взаимодействие
privacy-after-created = след създаването
privacy-after-contract-end = след края на договора
privacy-after-consent-withdrawn = след оттеглянето на съгласието
privacy-after-deal-closed = след приключването на сделките на лицето

## Политика за полетата (fields.html).
privacy-fields-title = Политика за полетата
privacy-fields-version = версия { $version }
privacy-fields-intro = Kith пази само личните полета, посочени тук като разрешени, за посочените цели. Стойност за всяко друго поле се отказва, където и да се записва: API, страници за служители, импорти, формуляри.
privacy-fields-remove-q = Премахване на „{ $field }“?
privacy-fields-remove-text = { $n ->
    [one] контакт има стойност за него. Премахването го изключва и окончателно изчиства тези стойности (всяко изчистване се записва в дневника, без стойността).
   *[other] контакта имат стойност за него. Премахването го изключва и окончателно изчиства тези стойности (всяко изчистване се записва в дневника, без стойността).
}
privacy-fields-remove-purge = { $n ->
    [one] Премахване и изчистване на { $n } стойност
   *[other] Премахване и изчистване на { $n } стойности
}
privacy-fields-keep = Запазване
privacy-fields-heading = Полета
privacy-fields-field = Поле
privacy-fields-kind = Вид
privacy-fields-category = Категория
privacy-fields-needed-for = Нужно за
privacy-fields-special = Специална категория
privacy-fields-allowed = Разрешено
privacy-fields-no-purpose = все още не е посочена цел
privacy-yes = да
privacy-no = не
privacy-fields-remove = Премахване…
privacy-fields-add = Добавяне или промяна на поле
privacy-fields-key = Поле (вграден ключ като job_title или ново собствено име като shoe_size)
privacy-fields-label = Етикет
privacy-fields-kind-new = Вид (нови собствени полета)
privacy-fields-choices = Възможности (полета с избор, разделени със запетаи)
privacy-fields-purpose = Нужно за целта
privacy-fields-special-art = Специална категория (ОРЗД чл. 9/10)
privacy-fields-special-none = няма
privacy-fields-reason = Защо Kith трябва да го пази (задължително за специална категория)
privacy-fields-save = Запазване на полето
privacy-fields-built-in = вградено
privacy-fields-special-reason = { $category } — { $reason }
privacy-fields-removed = Премахнато { $field }: { $n ->
    [one] { $n } стойност изчистена
   *[other] { $n } стойности изчистени
}; политиката вече е версия { $version }.
privacy-fields-removed-same = Премахнато { $field }: { $n ->
    [one] { $n } стойност изчистена
   *[other] { $n } стойности изчистени
}; политиката е непроменена.
privacy-kind-text = Текст
privacy-kind-number = Число
privacy-kind-date = Дата
privacy-kind-choice = Единичен избор
privacy-kind-multi-choice = Множествен избор
privacy-category-identity = Самоличност
privacy-category-contact = Данни за контакт
privacy-category-professional = Професионални
privacy-category-financial = Финансови
privacy-category-demographic = Демографски
privacy-category-preferences = Предпочитания
privacy-category-other = Други
privacy-special-health = Здраве
privacy-special-religion = Религиозни или философски убеждения
privacy-special-political-opinion = Политически възгледи
privacy-special-ethnic-origin = Расов или етнически произход
privacy-special-trade-union = Членство в синдикални организации
privacy-special-genetic = Генетични данни
privacy-special-biometric = Биометрични данни
privacy-special-sex-life = Сексуален живот или сексуална ориентация

## Съхранение (retention.html) и дължими прегледи (reviews.html).
privacy-retention-title = Съхранение
privacy-retention-rules = Правила
privacy-retention-help = Данните на лицето се пазят, докато някоя приложима за него цел все още го оправдава; след това се прилага правилото на последната. Правните задържания и ограниченията го спират. Задайте правило на страницата на целта.
privacy-retention-rule = Правило
privacy-retention-no-rule = без правило
privacy-retention-dry-button = Пробно изпълнение: списък на онези, които биха отпаднали
privacy-retention-run-button = Изпълнение сега: унищожаване на всички, чийто срок е изтекъл
privacy-retention-daily = Сървърът освен това изпълнява почистването веднъж дневно.
privacy-retention-result-dry = Пробно изпълнение: проверени контакти { $checked }, биха отпаднали { $disposed }
privacy-retention-result-run = Изпълнение: проверени контакти { $checked }, унищожени { $disposed }
privacy-retention-tally = Запазени: { $kept } · спрени от правно задържане или ограничение: { $suspended } · без приложима цел: { $none } · без правило: { $norule }
privacy-retention-contact = Контакт
privacy-retention-expired-on = Изтекъл на
privacy-retention-open = Отваряне
privacy-retention-past = Предишни изпълнения
privacy-retention-none-yet = Все още не е изпълнявано почистване.
privacy-retention-started = Започнато
privacy-retention-by = От
privacy-retention-checked = Проверени
privacy-retention-disposed = Унищожени
privacy-retention-dry = Пробно изпълнение
privacy-retention-run = Изпълнение
privacy-retention-unfinished = (недовършено: следващото изпълнение го продължава)
privacy-reviews-title = Предстоящи прегледи
privacy-reviews-intro = Вашите контакти, непрегледани от { $days } дни. Точен и нужен ли е още всеки запис? Отворете го и натиснете „Отбележи като прегледан“, поправете го или го изтрийте.
privacy-reviews-none = Няма нищо за преглед.
privacy-reviews-last = Последен преглед

## Изходяща поща (outbox.html).
privacy-outbox-title = Изходяща поща
privacy-outbox-intro = Писма, поставени на опашка от Kith, най-новите първи. Без настроен SMTP сървър съобщенията остават тук (статус „outbox“). Отварянето на съобщение се записва в одитната следа.
privacy-outbox-message = Съобщение
privacy-outbox-to = До:
privacy-outbox-subject = Тема:
privacy-outbox-parting = Потвърждения за изтриване
privacy-outbox-parting-help = Последното писмо до лице, изтрито по негово искане. Пази се отделно от изтритите му данни, запечатано, и се изтрива веднага щом бъде доставено или след 7 дни (изпратете го ръчно оттук, когато няма SMTP сървър).
privacy-outbox-queued = На опашка от
privacy-outbox-status = Статус
privacy-outbox-attempts = Опити
privacy-outbox-empty = Все още няма писма.

## Пакет с доказателства (evidence.html).
privacy-evidence-recipients = Получатели
privacy-evidence-dpias = ОВЗД
privacy-evidence-intro = Един подписан архив, който да се предаде на надзорен орган: какво държи Kith за вашето обработване, както е било към даден ден. Хората се появяват само като псевдоними (хеш с ключ, който само тази инсталация може да пресметне отново) и в бройки: без имена, адреси или бележки.
privacy-evidence-holds = Какво съдържа пакетът
privacy-evidence-holds-register = Регистърът на дейностите по обработване (чл. 30), действащ към деня: CSV, HTML, готов за печат, DPV JSON-LD и неговият каноничен JSON
privacy-evidence-holds-dpias = Оценките на въздействието върху защитата на данните (чл. 35)
privacy-evidence-holds-recipients = Получателите с договорите им (чл. 28) и основанията и препратките за предаванията (чл. 44–49)
privacy-evidence-holds-consent = Съгласието по цели: бройки на събитията в регистъра по действие и уведомление, текстовете на уведомленията с техния SHA-256
privacy-evidence-holds-requests = Дневникът на исканията: получено, срок, удължено, изпълнено, статус, резултат; всяко лице като псевдоним
privacy-evidence-holds-breaches = Регистърът на нарушенията (чл. 33, параграф 5) с историята и уведомленията му; хората като бройки
privacy-evidence-holds-retention = Изпълненията на съхранението с бройките им по правила
privacy-evidence-holds-heads = Върховете на одитната верига и на регистъра на съгласията към деня и сега
privacy-evidence-holds-manifest = Манифест със SHA-256 на всеки файл, подписан с Ed25519 (компактен JWS)
privacy-evidence-build = Създаване на пакет
privacy-evidence-as-of = Към дата (ден, UTC; празно за сега)
privacy-evidence-period = Период на дневниците (искания, събития за съгласие, нарушения, изпълнения на съхранението; празно за всички)
privacy-evidence-from = От
privacy-evidence-to = До
privacy-evidence-purposes = Цели (нито една отметната: всички цели)
privacy-no-purpose-yet = Все още няма определена цел.
privacy-evidence-download = Създаване и изтегляне
privacy-evidence-verify = Как органът го проверява
privacy-evidence-key = Пакетът е подписан с ключа за доказателства на тази инсталация. Публичната му част е публикувана на адрес:
privacy-evidence-thumbprint = Отпечатъкът му (RFC 7638):
privacy-evidence-read-out = Прочетете го на одитора, за да знае, че ключът е ваш.
privacy-evidence-with-kith = С Kith:
privacy-evidence-without-kith = Без Kith:
privacy-evidence-needs = Скриптът изисква стандартната библиотека на Python и пакета
privacy-evidence-format = форматът е описан в
privacy-evidence-checks = И двата проверяват SHA-256 на всеки файл, че не е добавен или премахнат файл, подписа и че байтовете на архива следват точно каноничната подредба: всеки променен байт се отхвърля.

retention-explain-no-purpose = За този контакт не се прилага цел: никое правило за съхранение не може да изтече за него. Преценете дали все още е необходим.
retention-explain-no-rule = Приложимите цели нямат правило за съхранение: данните се пазят, докато целите се прилагат.
retention-explain-kept-rule = Съхранява се: „{ $purpose }“ все още го оправдава (правило: { $rule }); все още няма дата на изтичане.
retention-explain-kept = Съхранява се: „{ $purpose }“ е в сила и няма правило за съхранение.
retention-explain-expires = Изтича на { $date } по „{ $purpose }“ ({ $rule }).
retention-explain-held = Изтекло на { $date } по „{ $purpose }“ ({ $rule }), но законово задържане го спира до отмяната му (преглед на { $review }).
retention-explain-restricted = Изтекло на { $date } по „{ $purpose }“ ({ $rule }), но обработването е ограничено (чл. 18): пази се, докато ограничението не бъде отменено.
retention-explain-expired = Изтекло на { $date } по „{ $purpose }“ ({ $rule }): при следващата проверка ще се приложи: { $disposal }.
