audit-title = Одитна следа
audit-intro = Всяко четене, промяна и експорт на лични данни, най-старите първи. Записите съдържат идентификатори, никога лични стойности; хешът на всеки запис обхваща предишния.
audit-contact-id = ID на контакта
audit-contact-id-placeholder = идентификаторът в адреса на контакт
audit-by-user = От потребител
audit-anyone = Всеки
audit-show = Показване на записите
audit-verify = Проверка на цялата верига
audit-empty = Няма съвпадащи записи.
audit-caption = Одитни записи
audit-when = Кога
audit-who = Кой
audit-action = Действие
audit-contact = Контакт
audit-object = Обект
audit-request = Заявка
audit-via-token = чрез API токен { $token }
audit-changes-link = промени
audit-next = Следваща страница →
audit-chain-intact = Веригата е цяла: { $n ->
        [one] проверен е { $n } запис
       *[other] проверени са { $n } записа
    }.
audit-chain-broken = Веригата е прекъсната при запис { $seq }: { $reason }.
audit-subject-invalid = трябва да е ID на контакт
audit-user-invalid = не е валиден избор
audit-changes-title = Промени в запис { $seq }
audit-changes-heading = Промени в одитен запис { $seq }
audit-changes-intro = Стойностите преди и след, съхранявани шифровани с ключа на лицето: изчезват заедно с лицето, ако то бъде изтрито. Самото им отваряне се записва в одитната следа.
audit-changes-caption = Променени полета
audit-field = Поле
audit-before = Преди
audit-after = След
audit-back = Обратно към одитната следа

audit-changed-first-name = собствено име
audit-changed-last-name = фамилия
audit-changed-emails = имейли
audit-changed-phones = телефони
audit-changed-address = адрес
audit-changed-job-title = длъжност
audit-changed-notes = бележки
audit-changed-interaction-bodies = текстове на взаимодействията
