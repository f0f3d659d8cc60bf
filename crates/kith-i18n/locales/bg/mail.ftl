## Mail Kith writes to people (and to processors). One message a paragraph
## or line; code joins them with blank lines and adds links on lines of
## their own. Texts staff write (templates, purpose names) are not here.

## Channels of consent, in running text.
mail-channel-email = имейл
mail-channel-phone = телефон
# same as English
mail-channel-sms = SMS
mail-channel-post = поща

## Double opt-in after a public form.
mail-confirm-subject = Моля, потвърдете абонамента си
mail-confirm-asked = Поискахте да получавате: { $names }.
mail-confirm-link = За да потвърдите, отворете тази връзка и натиснете „Потвърждавам“ (валидна { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    }):
mail-confirm-ignore = Ако не сте били Вие, не обръщайте внимание на това съобщение: без потвърждение няма да Ви пишем повече.

## Consent receipts.
mail-receipt-subject = Разписка за Вашето съгласие: { $purpose }
mail-receipt-given = Дадохте съгласието си за „{ $purpose }“ ({ $channels }) на { $date }.
mail-receipt-withdrawn = Оттеглихте съгласието си за „{ $purpose }“ ({ $channels }) на { $date }.
mail-receipt-attached = Разписката за Вашето съгласие е приложена (подписана от { $controller }; ключът е публикуван на { $key }).
mail-receipt-change = Можете да промените избора си по всяко време: { $link }

## Sign-in link to the privacy portal.
mail-portal-subject = Вход в портала за поверителност
mail-portal-open = За да видите данните и исканията си, отворете тази връзка в рамките на { $minutes } минути (тя работи само веднъж):
mail-portal-ignore = Ако не сте поискали това, не обръщайте внимание на съобщението.

## Data-subject requests.
mail-dsr-subject = Вашето искане относно личните Ви данни: { $kind }
mail-dsr-completed = Вашето искане ({ $kind }), получено на { $received }, беше изпълнено на { $done }.
mail-dsr-done-what = Какво беше направено: { $what }
mail-dsr-rejected = Вашето искане ({ $kind }), получено на { $received }, беше отхвърлено: { $reason }
mail-dsr-complaint = Можете да подадете жалба до надзорен орган.
mail-dsr-extended = Вашето искане ({ $kind }), получено на { $received }, изисква повече време: удължихме срока с { $months ->
        [one] един месец
       *[other] { $months } месеца
    } (чл. 12, параграф 3 от ОРЗД). Причина: { $reason }
mail-dsr-kind-access = Достъп (чл. 15)
mail-dsr-kind-portability = Преносимост (чл. 20)
mail-dsr-kind-rectification = Коригиране (чл. 16)
mail-dsr-kind-erasure = Изтриване (чл. 17)
mail-dsr-kind-restriction = Ограничаване на обработването (чл. 18)
mail-dsr-kind-objection = Възражение (чл. 21)
mail-dsr-kind-withdraw-consent = Оттегляне на съгласие (чл. 7, параграф 3)
mail-dsr-kind-information = Информация (чл. 13–15)
mail-dsr-kind-automated-decision-review = Преразглеждане на автоматизирано решение (чл. 22)

## The confirmation of an erasure (the last mail to the person).
mail-erasure-subject = { $controller }: Вашите данни бяха изтрити
mail-erasure-intro = По Ваше искане (искане { $reference }, получено на { $received }) на { $erased } изтрихме личните Ви данни: записа Ви като контакт, адресите и номерата Ви, бележките и взаимодействията, правните основания и състоянието на съгласията Ви, всички чакащи за изпращане имейли до Вас и ключа, с който бяха шифровани, така че нито едно копие (дори в резервните копия) да не може да бъде отворено отново.
mail-erasure-keep = Запазваме само следното, по посочените причини:
mail-erasure-kept-1 = регистъра на исканията, който доказва, че сме получили и изпълнили искането Ви (чл. 5, параграф 2 и чл. 12): той съдържа само идентификатор, никакви Ваши данни
mail-erasure-kept-2 = веригата на регистъра на съгласията, без стойностите: доказателствата в нея, които съдържаха Ваши данни, бяха шифровани с Вашия собствен ключ, който беше унищожен
mail-erasure-kept-3 = дневника на действията (кой какво и кога е направил), с идентификатори и имена на действия, без никакви Ваши данни
mail-erasure-kept-4 = ако сте се отписали от имейлите: необратим отпечатък на адреса Ви, за да не Ви добави отново бъдещ импортиране
mail-erasure-kept-5 = уведомлението до обработващите лични данни, че изтриването е извършено (чл. 19): идентификатор и час
mail-erasure-last = Това е последният имейл, който Ви изпращаме: адресът Ви вече не е в нашите системи, а това съобщение се изтрива веднага след доставянето му. Ако смятате, че изтриването не е пълно, можете да подадете жалба до надзорен орган.

## Consent requests and newsletters: the links Kith adds to staff's text.
mail-request-confirm = За да се съгласите, отворете тази връзка и натиснете „Потвърждавам“ (валидна { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    }):
mail-request-manage = Управление на избора Ви: { $link }
mail-unsubscribe = Отписване: { $link }
mail-footer-preferences = Вашите предпочитания: { $link }
mail-footer-portal = Вашият портал за поверителност: { $link }
mail-test-subject = [Тест] { $subject }

## The Art. 14 notice (data not obtained from the person).
mail-art14-subject = { $controller }: откъде имаме данните Ви и какви са правата Ви
mail-art14-hello = Здравейте,
mail-art14-intro = { $controller } обработва някои Ваши лични данни, които не сме получили от Вас. Законът (чл. 14 от ОРЗД) изисква да Ви уведомим за това.
mail-art14-dpo = Длъжностно лице по защита на данните (ДЛЗД): { $dpo }.
mail-art14-what = Какви данни: { $categories }.
mail-art14-where = Откъде: { $source }.
mail-art14-why = За какво и на какво основание:
mail-art14-no-purpose = за поддържане на отношенията ни с Вас (засега не е въведена цел)
mail-art14-kept = Срок на съхранение: { $retention }
mail-art14-recipients = Получатели: { $recipients }
mail-art14-basis-consent = Вашето съгласие (чл. 6, параграф 1, буква а) от ОРЗД), което можете да оттеглите по всяко време
mail-art14-basis-contract = договор с Вас или стъпки преди сключването му (чл. 6, параграф 1, буква б))
mail-art14-basis-legal-obligation = законово задължение (чл. 6, параграф 1, буква в))
mail-art14-basis-vital-interests = жизненоважни интереси (чл. 6, параграф 1, буква г))
mail-art14-basis-public-task = задача от обществен интерес (чл. 6, параграф 1, буква д))
mail-art14-basis-legitimate-interests = нашите легитимни интереси (чл. 6, параграф 1, буква е)), както са описани
mail-art14-basis-not-applicable = засега не е въведено основание
mail-art14-category-name = име
mail-art14-category-email = имейл адрес
mail-art14-category-phone = телефонен номер
mail-art14-category-address = пощенски адрес
mail-art14-category-job-title = длъжност
mail-art14-category-company = фирмата, в която работите
mail-art14-source-none = нашите архиви
mail-art14-source-import = списък с контакти, който импортирахме на { $date } от предишната ни система за управление на клиентите
mail-art14-source-import-file = списък с контакти („{ $file }“), който импортирахме на { $date } от предишната ни система за управление на клиентите
mail-art14-source-import-since = списък с контакти, който импортирахме на { $date } от предишната ни система за управление на клиентите; данните Ви бяха в нея от { $since }
mail-art14-source-import-file-since = списък с контакти („{ $file }“), който импортирахме на { $date } от предишната ни система за управление на клиентите; данните Ви бяха в нея от { $since }
mail-art14-source-staff = наши служители, които са ги въвели на { $date } (например от визитна картичка или от разговор)
mail-art14-rights = Вашите права: можете да поискате от нас достъп до данните си, коригиране, изтриване, ограничаване на обработването и преносимост, както и да възразите срещу обработването (винаги — при директен маркетинг). Когато обработването се основава на съгласие, можете да го оттеглите по всяко време.
mail-art14-portal = Можете да ги упражните от портала за поверителност: { $portal }
mail-art14-complaint = Имате също право да подадете жалба до надзорен орган, по-специално в държавата, в която живеете или работите (в България — Комисията за защита на личните данни, www.cpdp.bg).

## Requests to processors (Art. 19), in the controller's default language.
mail-processor-subject = Искане по чл. 19 от ОРЗД: { $action }
mail-processor-intro = { $controller } Ви моли, в качеството Ви на обработващ лични данни, да предприемете действие по отношение на данните на едно лице, които получавате от него.
mail-processor-action = Действие: { $action }
mail-processor-person = Лице (идентификатор на субекта на данните в Kith): { $id }
mail-processor-reference = Номер на искането: { $reference }
mail-processor-due = Моля, потвърдете до { $due }.
mail-processor-ack = Потвърдете, че сте го изпълнили (страница с бутон; нищо не се записва, докато не го натиснете):
mail-processor-action-erasure = Изтриване на лицето (чл. 17)
mail-processor-action-rectification = Коригиране на данните на лицето (чл. 16)
mail-processor-action-restriction = Ограничаване на обработването (чл. 18)
mail-processor-action-restriction-lifted = Ограничението е отменено (чл. 18, параграф 3)
