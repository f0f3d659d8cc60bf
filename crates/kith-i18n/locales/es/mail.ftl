## Mail Kith writes to people (and to processors). One message a paragraph
## or line; code joins them with blank lines and adds links on lines of
## their own. Texts staff write (templates, purpose names) are not here.

## Channels of consent, in running text.
mail-channel-email = correo electrónico
mail-channel-phone = teléfono
# same as English
mail-channel-sms = SMS
mail-channel-post = correo postal

## Double opt-in after a public form.
mail-confirm-subject = Confirme su suscripción
mail-confirm-asked = Ha solicitado recibir: { $names }.
mail-confirm-link = Para confirmar, abra este enlace y pulse «Confirmar» (válido durante { $days ->
        [one] { $days } día
       *[other] { $days } días
    }):
mail-confirm-ignore = Si no ha sido usted, ignore este mensaje: sin confirmación no volveremos a escribirle.

## Consent receipts.
mail-receipt-subject = Su justificante de consentimiento: { $purpose }
mail-receipt-given = Dio su consentimiento para «{ $purpose }» ({ $channels }) el { $date }.
mail-receipt-withdrawn = Retiró su consentimiento para «{ $purpose }» ({ $channels }) el { $date }.
mail-receipt-attached = Adjuntamos su justificante de consentimiento (firmado por { $controller }; la clave está publicada en { $key }).
mail-receipt-change = Puede cambiar sus preferencias en cualquier momento: { $link }

## Sign-in link to the privacy portal.
mail-portal-subject = Acceso al portal de privacidad
mail-portal-open = Para ver sus datos y sus solicitudes, abra este enlace en los próximos { $minutes } minutos (solo funciona una vez):
mail-portal-ignore = Si no lo ha solicitado usted, ignore este mensaje.

## Data-subject requests.
mail-dsr-subject = Su solicitud de privacidad: { $kind }
mail-dsr-completed = Su solicitud ({ $kind }) recibida el { $received } se completó el { $done }.
mail-dsr-done-what = Lo que hemos hecho: { $what }
mail-dsr-rejected = Su solicitud ({ $kind }) recibida el { $received } ha sido rechazada: { $reason }
mail-dsr-complaint = Puede presentar una reclamación ante una autoridad de control.
mail-dsr-extended = Su solicitud ({ $kind }) recibida el { $received } requiere más tiempo: hemos prorrogado el plazo en { $months ->
        [one] un mes
       *[other] { $months } meses
    } (art. 12, apartado 3, del RGPD). Motivo: { $reason }
mail-dsr-kind-access = Acceso (art. 15)
mail-dsr-kind-portability = Portabilidad (art. 20)
mail-dsr-kind-rectification = Rectificación (art. 16)
mail-dsr-kind-erasure = Supresión (art. 17)
mail-dsr-kind-restriction = Limitación del tratamiento (art. 18)
mail-dsr-kind-objection = Oposición (art. 21)
mail-dsr-kind-withdraw-consent = Retirada del consentimiento (art. 7, apartado 3)
mail-dsr-kind-information = Información (arts. 13 a 15)
mail-dsr-kind-automated-decision-review = Revisión de una decisión automatizada (art. 22)

## The confirmation of an erasure (the last mail to the person).
mail-erasure-subject = { $controller }: sus datos han sido suprimidos
mail-erasure-intro = Tal como nos pidió (solicitud { $reference }, recibida el { $received }), el { $erased } suprimimos sus datos personales: su ficha de contacto, sus direcciones y números, las notas e interacciones, las bases jurídicas y el estado de sus consentimientos, los correos pendientes de envío para usted y la clave con la que estaban cifrados, de modo que ninguna copia (ni siquiera en las copias de seguridad) pueda volver a abrirse.
mail-erasure-keep = Solo conservamos lo siguiente, por los motivos indicados:
mail-erasure-kept-1 = el registro de solicitudes, que demuestra que recibimos y atendimos su solicitud (art. 5, apartado 2, y art. 12): contiene solo un identificador, ninguno de sus datos
mail-erasure-kept-2 = la cadena del registro de consentimientos, sin valores: las pruebas que contenían sus datos estaban cifradas con su propia clave, que ha sido destruida
mail-erasure-kept-3 = el registro de actividad (quién hizo qué y cuándo), con identificadores y nombres de acciones, ninguno de sus datos
mail-erasure-kept-4 = si se había dado de baja del correo electrónico: una huella irreversible de su dirección, para que una importación futura no pueda volver a añadirle
mail-erasure-kept-5 = el aviso a nuestros encargados del tratamiento de que se ha producido la supresión (art. 19): un identificador y una hora
mail-erasure-last = Este es el último correo que le enviamos: su dirección ya no está en nuestros sistemas y este mensaje se elimina en cuanto se entrega. Si considera que la supresión no es completa, puede presentar una reclamación ante una autoridad de control.

## Consent requests and newsletters: the links Kith adds to staff's text.
mail-request-confirm = Para aceptar, abra este enlace y pulse «Confirmar» (válido durante { $days ->
        [one] { $days } día
       *[other] { $days } días
    }):
mail-request-manage = Gestione sus preferencias: { $link }
mail-unsubscribe = Darse de baja: { $link }
mail-footer-preferences = Sus preferencias: { $link }
mail-footer-portal = Su portal de privacidad: { $link }
mail-test-subject = [Prueba] { $subject }

## The Art. 14 notice (data not obtained from the person).
mail-art14-subject = { $controller }: cómo obtuvimos sus datos y cuáles son sus derechos
mail-art14-hello = Hola:
mail-art14-intro = { $controller } trata algunos datos personales suyos que no obtuvimos de usted. La ley (art. 14 del RGPD) nos obliga a informarle.
mail-art14-dpo = Delegado de protección de datos (DPD): { $dpo }.
mail-art14-what = Qué datos: { $categories }.
mail-art14-where = De dónde proceden: { $source }.
mail-art14-why = Para qué y con qué base jurídica:
mail-art14-no-purpose = para gestionar nuestra relación con usted (aún no se ha registrado ninguna finalidad)
mail-art14-kept = Conservación: { $retention }
mail-art14-recipients = Destinatarios: { $recipients }
mail-art14-basis-consent = su consentimiento (art. 6, apartado 1, letra a), del RGPD), que puede retirar en cualquier momento
mail-art14-basis-contract = un contrato con usted o la aplicación de medidas precontractuales (art. 6, apartado 1, letra b))
mail-art14-basis-legal-obligation = una obligación legal (art. 6, apartado 1, letra c))
mail-art14-basis-vital-interests = la protección de intereses vitales (art. 6, apartado 1, letra d))
mail-art14-basis-public-task = una misión realizada en interés público (art. 6, apartado 1, letra e))
mail-art14-basis-legitimate-interests = nuestros intereses legítimos (art. 6, apartado 1, letra f)), según se describen
mail-art14-basis-not-applicable = aún no se ha registrado ninguna base
mail-art14-category-name = nombre
mail-art14-category-email = dirección de correo electrónico
mail-art14-category-phone = número de teléfono
mail-art14-category-address = dirección postal
mail-art14-category-job-title = cargo
mail-art14-category-company = la empresa para la que trabaja
mail-art14-source-none = nuestros archivos
mail-art14-source-import = una lista de contactos que importamos el { $date } desde nuestro anterior sistema de gestión de clientes
mail-art14-source-import-file = una lista de contactos («{ $file }») que importamos el { $date } desde nuestro anterior sistema de gestión de clientes
mail-art14-source-import-since = una lista de contactos que importamos el { $date } desde nuestro anterior sistema de gestión de clientes, donde constaban sus datos desde el { $since }
mail-art14-source-import-file-since = una lista de contactos («{ $file }») que importamos el { $date } desde nuestro anterior sistema de gestión de clientes, donde constaban sus datos desde el { $since }
mail-art14-source-staff = nuestro personal, que los registró el { $date } (por ejemplo, a partir de una tarjeta de visita o de una conversación)
mail-art14-rights = Sus derechos: puede solicitarnos el acceso a sus datos, su rectificación, su supresión, la limitación del tratamiento y la portabilidad, y oponerse al tratamiento (siempre, en el caso de la mercadotecnia directa). Cuando el tratamiento se base en el consentimiento, puede retirarlo en cualquier momento.
mail-art14-portal = Puede ejercerlos desde el portal de privacidad: { $portal }
mail-art14-complaint = También tiene derecho a presentar una reclamación ante una autoridad de control, en particular en el país donde vive o trabaja (en España, la Agencia Española de Protección de Datos, www.aepd.es).

## Requests to processors (Art. 19), in the controller's default language.
mail-processor-subject = Solicitud conforme al art. 19 del RGPD: { $action }
mail-processor-intro = { $controller } le pide, en su condición de encargado del tratamiento, que actúe sobre los datos de una persona que recibe de él.
mail-processor-action = Acción: { $action }
mail-processor-person = Persona (identificador del interesado en Kith): { $id }
mail-processor-reference = Referencia de la solicitud: { $reference }
mail-processor-due = Le rogamos que confirme a más tardar el { $due }.
mail-processor-ack = Confirme que la ha llevado a cabo (una página con un botón; no se registra nada hasta que lo pulse):
mail-processor-action-erasure = Suprimir a la persona (art. 17)
mail-processor-action-rectification = Rectificar los datos de la persona (art. 16)
mail-processor-action-restriction = Limitar el tratamiento (art. 18)
mail-processor-action-restriction-lifted = Se levanta la limitación (art. 18, apartado 3)
