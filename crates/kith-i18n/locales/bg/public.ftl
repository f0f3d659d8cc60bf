## Публични страници за хора без акаунт. Към лицето се обръщаме с „Вие“.

public-languages = Език

public-not-found-title = Няма такава страница
public-not-found-text = На този адрес няма нищо.
public-bad-address-title = Този адрес не е валиден
public-bad-address-text = Отворете връзката отново такава, каквато сте я получили.
public-invalid-link-title = Тази връзка не е валидна
public-invalid-link-text = Връзката е непълна или е променена. Отворете я отново от полученото съобщение.
public-expired-link-title = Тази връзка е изтекла
public-expired-link-text = Връзките са валидни ограничено време. Изпратете формуляра отново, за да получите нова.

public-notice-intro = Как използваме Вашите данни:
public-notice-version = { $name } (версия { $version })
public-notice-meta = Версия { $version } · SHA-256 { $sha }

public-form-email = Имейл
public-form-first-name = Име
public-form-last-name = Фамилия
public-form-phone = Телефон
public-form-subscriptions = Абонаменти
public-form-choose = Какво бихте искали да получавате? (отбележете желаното)
public-form-sharing = Предоставяне на данни
public-form-share = Да, можете да предоставите данните ми на: { $parties }
public-form-gpc = Браузърът Ви изпраща сигнал Global Privacy Control: няма да предоставяме данните Ви, освен ако не отбележите полето по-горе.
public-form-confirm-hint = Ще Ви изпратим имейл с връзка за потвърждение.
public-form-fix = Моля, проверете — { $field }: { $problem }
public-problem-email = трябва да е имейл адрес
public-problem-phone = трябва да е телефонен номер
public-problem-name = трябва да е най-много 100 знака, без контролни знаци
public-problem-no-subscription = отбележете поне един абонамент, за да се абонирате
public-problem-unknown-subscription = този формуляр не предлага такъв абонамент
public-problem-other = не е валидно
public-check-inbox-title = Проверете пощата си
public-check-inbox-text = Ако адресът е валиден, към Вас пътува съобщение с връзка за потвърждение. Няма да Ви изпращаме нищо, докато не потвърдите.

public-confirm-title = Потвърдете абонамента си
public-confirm-text = Натиснете бутона, за да потвърдите, че искате да получавате това, което сте заявили.
public-confirm-button = Потвърждавам
public-confirmed-title = Благодарим Ви — потвърдено
public-confirmed-text = Изборът Ви е записан. Към пощата Ви пътува разписка; можете да промените решението си по всяко време чрез връзката в нея.
public-confirmed-already = Тази връзка вече е използвана: изборът Ви е записан.

public-prefs-title = Вашите предпочитания за имейли
public-prefs-save = Запазване на избора ми
public-prefs-saved = Изборът Ви е запазен.
public-prefs-not-given = Останалият Ви избор е запазен. Абонаментът не е направен, защото не сте видели как използваме данните Ви за него: абонирайте се чрез формуляра му за записване, който го обяснява — { $names }
public-prefs-unsubscribe-all = Отписване от всичко
public-prefs-unsubscribed = Отписахте се.
public-prefs-receipts = Вашите разписки за съгласие
public-channel-email = Имейл
public-channel-phone = Телефон
# same as English
public-channel-sms = SMS
public-channel-post = Поща
public-action-requested = Поискано
public-action-given = Дадено
public-action-refused = Отказано
public-action-withdrawn = Оттеглено
public-action-expired = Изтекло

public-unsubscribe-title = Отписване
public-unsubscribe-text = Натиснете бутона, за да спрете да получавате тези съобщения.
public-unsubscribe-button = Отписване

## Читателят е обработващ лични данни, който действа от името на администратора.
public-ack-title = Потвърждаване на искане, свързано със защитата на данните
public-ack-action = Какво се иска (чл. 19 от ОРЗД)
public-ack-subject = Субектът на данните (идентификатор)
public-ack-reference = Референтен номер
public-ack-due = Моля, потвърдете до
public-ack-done-on = Потвърдено на { $at }.
public-ack-explain = Натиснете бутона, след като сте изпълнили искането. Нищо не се записва, докато не го направите.
public-ack-button = Потвърждавам, че е изпълнено
public-ack-action-erasure = Изтриване на данните на лицето (чл. 17)
public-ack-action-rectification = Коригиране на данните на лицето (чл. 16)
public-ack-action-restriction = Ограничаване на обработването (чл. 18)
public-ack-action-restriction-lifted = Ограничението е отменено (чл. 18, параграф 3)
public-ack-invalid-text = Проверете дали цялата връзка е копирана от съобщението.
public-ack-expired-text = Поискайте от администратора ново искане.
public-ack-recorded-title = Потвърждението е записано
public-ack-recorded-text = Благодарим Ви: в записите на администратора вече е отбелязано, че сте изпълнили искането.
public-ack-already-title = Вече е потвърдено
public-ack-already-text = Това искане вече е било потвърдено.
