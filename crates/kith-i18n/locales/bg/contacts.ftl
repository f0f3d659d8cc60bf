contacts-new-title = Нов контакт
contacts-correct-fields = Моля, коригирайте отбелязаните по-долу полета.
contacts-create = Създай контакт
contacts-cancel = Отказ
contacts-back-to-list = Обратно към списъка
contacts-bad-date = трябва да е дата като 2026-01-31
contacts-bad-choice = не е валиден избор

contacts-first-name = Собствено име
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
    [one] { $n } контакт
   *[other] { $n } контакта
}.
contacts-bulk-will-remove-tag = Ще бъде премахнат етикетът „{ $x }“ от { $n ->
    [one] { $n } контакт
   *[other] { $n } контакта
}.
contacts-bulk-will-assign-owner = { $x } ще стане отговорник на { $n ->
    [one] { $n } контакт
   *[other] { $n } контакта
}.
contacts-bulk-will-remove-owner = Ще бъде премахнат отговорникът на { $n ->
    [one] { $n } контакт
   *[other] { $n } контакта
}.
contacts-bulk-will-set-basis = Ще бъде записано правното основание „{ $x }“ за { $n ->
    [one] { $n } контакт
   *[other] { $n } контакта
}.
contacts-bulk-will-request-consent = Ще бъде изпратено искане за съгласие по имейл до { $n ->
    [one] { $n } контакт
   *[other] { $n } контакта
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
