## Маркетинг → Кампании: списъкът, нова кампания, страницата на кампания.
campaigns-title = Кампании
campaigns-intro = Бюлетин, изпратен до сегмент за един вид абонамент. Получават го само хората, на които може да се пише по имейл за неговата цел: всеки се проверява отново в момента на изпращане и всеки имейл съдържа отписване с едно щракване.
campaigns-new = Нова кампания
campaigns-none = Все още няма кампании.
campaigns-col-name = Име
campaigns-col-status = Състояние
campaigns-col-audience = Получатели
campaigns-col-queued = На опашка
campaigns-col-sent = Изпратени
campaigns-col-failed = Неуспешни
campaigns-col-skipped = Пропуснати
campaigns-col-contact = Контакт
campaigns-col-reason = Причина

campaigns-status-draft = Чернова
campaigns-status-scheduled = Насрочена
campaigns-status-sending = Изпраща се
campaigns-status-paused = На пауза
campaigns-status-done = Завършена
campaigns-status-cancelled = Отменена
campaigns-recipient-pending = Предстои
campaigns-recipient-queued = На опашка
campaigns-recipient-sent = Изпратен
campaigns-recipient-failed = Неуспешен
campaigns-recipient-skipped = Пропуснат

campaigns-one-title = Кампания
campaigns-back = Обратно към кампаниите
campaigns-fact-for = За
campaigns-for-email = { $purpose } (имейл)
campaigns-fact-scheduled = Насрочена за
campaigns-fact-rate = Темп
campaigns-rate-value = { $rate } в минута
campaigns-fact-filter = Филтър на получателите
campaigns-fact-audience-now = Получатели сега
campaigns-audience-now = { $n ->
    [one] { $n } човек може да получава имейли за { $purpose }
   *[other] { $n } души могат да получават имейли за { $purpose }
}
campaigns-delivery = Доставка
campaigns-send-now = Изпрати сега
campaigns-at-utc = В (UTC)
campaigns-schedule = Насрочи
campaigns-pause = Пауза
campaigns-resume = Продължи
campaigns-cancel = Отмени кампанията
campaigns-log = Дневник на доставката
campaigns-log-show = Покажи
campaigns-log-all = всички
campaigns-filter = Филтрирай
campaigns-log-none = Все още няма получатели.
campaigns-next-page = Следваща страница

campaigns-errors = Моля, поправете:
campaigns-subscription-type = Вид абонамент
campaigns-template = Шаблон
campaigns-no-template = Все още няма шаблон за бюлетин: { $link }.
campaigns-write-one = напишете един
campaigns-audience-note = Условието „може да получава имейли за целта на вида абонамент“ се добавя винаги: кампанията никога не стига до човек, на когото не може да се пише по имейл за нея.
campaigns-segment = Запазен сегмент
campaigns-segment-none = (няма: използвай филтъра по-долу)
campaigns-query = Или филтър на списъка с контакти (както в адреса на списъка с контакти, напр. { $example }; празно: всички)
campaigns-when = Кога
campaigns-when-draft = Запази като чернова (първо виж броя на получателите)
campaigns-rate = Съобщения в минута
campaigns-save = Запази кампанията
campaigns-saved-draft = Запазена като чернова: { $why }
campaigns-choose-one = изберете един
campaigns-whole-number = трябва да е цяло число
campaigns-give-time = посочете дата и час (UTC)
