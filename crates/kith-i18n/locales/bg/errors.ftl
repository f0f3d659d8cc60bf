errors-status = Грешка { $status }.
errors-back = Обратно към контактите
errors-nothing-here-title = Тук няма нищо за показване
errors-nothing-here-text = Този адрес приема само изпратен формуляр. Започнете отново от менюто.
errors-bad-form-title = Формулярът не можа да бъде прочетен
errors-bad-form-text = Върнете се назад, презаредете страницата и опитайте отново.
errors-not-found-title = Не е намерено
errors-not-found-text = На този адрес няма нищо.
errors-no-such-record = Няма запис ({ $what }) с този идентификатор.
errors-internal-title = Нещо се обърка
errors-internal-text = Нещо се обърка от наша страна. Нищо не е променено; моля, опитайте отново. Заглавката X-Request-Id на тази страница я идентифицира в дневника на сървъра.
errors-sign-in-title = Моля, влезте
errors-sign-in-text = Сесията Ви приключи.
errors-forbidden-title = Не е разрешено
errors-forbidden-text = Вашата роля не позволява това действие ({ $what }).
errors-check-input-title = Моля, проверете въведените данни
errors-not-done-title = Действието не може да бъде извършено
errors-restricted-title = Ограничено обработване
errors-restricted-text = Обработването на този контакт е ограничено (чл. 18 от ОРЗД): данните се съхраняват, но с тях не може да се прави нищо друго, докато ограничението не бъде отменено.
errors-idempotency-text = Този Idempotency-Key вече е използван с друга заявка.
errors-too-many-title = Твърде много опити
errors-try-again-seconds = Твърде много неуспешни опити. Влизането е спряно; опитайте отново след { $n ->
        [one] { $n } секунда
       *[other] { $n } секунди
    }.
errors-try-again-minutes = Твърде много неуспешни опити. Влизането е спряно; опитайте отново след { $n ->
        [one] { $n } минута
       *[other] { $n } минути
    }.
errors-busy-title = Сървърът е зает
errors-busy-text = В момента сървърът е претоварен. Моля, опитайте отново след малко.

errors-nul-text = Текстът не трябва да съдържа знаци NUL.
errors-form-expired-title = Формулярът е изтекъл
errors-form-expired-text = Този формуляр не е изпратен от актуална страница на Kith. Върнете се назад, презаредете страницата и опитайте отново.
errors-bad-address-title = Този адрес не е валиден
errors-bad-address-text = Адресът съдържа стойност, която Kith не може да прочете. Започнете отново от менюто.
errors-link-out-of-date = Връзката към тази страница е остаряла
