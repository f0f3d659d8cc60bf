## Имейлът до засегнатите от нарушение на сигурността на личните данни
## (чл. 34 ОРЗД): на ясен и прост език.

breach-mail-subject = { $controller }: нарушение на сигурността на Вашите лични данни
breach-mail-intro = Пишем Ви, защото в { $controller } е възникнало нарушение на сигурността на личните данни, което Ви засяга.
breach-mail-what = Какво се случи: { $nature }.
breach-mail-consequences = Какво може да означава това за Вас: { $consequences }
breach-mail-measures = Какво направихме и какво Ви съветваме да направите: { $measures }
breach-mail-dpo = Ако имате въпроси, пишете на нашето длъжностно лице по защита на данните (ДЛЗД): { $dpo }.
breach-mail-nature-confidentiality = някои Ваши данни може да са били видени от лица, които не е трябвало да ги виждат
breach-mail-nature-integrity = някои Ваши данни може да са били променени
breach-mail-nature-availability = някои Ваши данни са били изгубени или недостъпни за известно време

## Разпечатката на съобщение до засегнатите: имейлът на всеки език.
breach-mail-print-subject = Имейл ({ $language }): тема
breach-mail-print-text = Имейл ({ $language }): текст
