## El correo a los interesados afectados por una violación de la seguridad
## de los datos personales (art. 34 RGPD): en un lenguaje claro y sencillo.

breach-mail-subject = { $controller }: violación de la seguridad de sus datos personales
breach-mail-intro = Le escribimos porque { $controller } ha sufrido una violación de la seguridad de los datos personales que le afecta.
breach-mail-what = Qué ha ocurrido: { $nature }.
breach-mail-consequences = Qué puede significar para usted: { $consequences }
breach-mail-measures = Qué hemos hecho y qué le recomendamos hacer: { $measures }
breach-mail-dpo = Si tiene preguntas, escriba a nuestro delegado de protección de datos (DPD): { $dpo }.
breach-mail-nature-confidentiality = es posible que alguien que no debía haya visto algunos de sus datos
breach-mail-nature-integrity = es posible que algunos de sus datos hayan sido alterados
breach-mail-nature-availability = algunos de sus datos se perdieron o no estuvieron disponibles durante un tiempo

## La impresión de una comunicación a los interesados: el correo en cada idioma.
breach-mail-print-subject = Correo ({ $language }): asunto
breach-mail-print-text = Correo ({ $language }): texto
