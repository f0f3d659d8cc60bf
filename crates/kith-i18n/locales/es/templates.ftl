## Plantillas de correo: la lista y la página de una plantilla.
templates-title = Plantillas de correo
templates-intro = Un asunto y un texto por idioma, con campos de combinación como { $field } que se rellenan para cada persona. Cada persona recibe el texto en su idioma (el de su consentimiento más reciente) o, si no, en inglés. Las solicitudes de consentimiento las usan: desde la lista de contactos («{ $bulk }»), en la página de un contacto y en la regla de solicitud automática de una finalidad.
templates-new = Nueva plantilla
templates-none = Todavía no hay plantillas.
templates-write-first = Escribir la primera
templates-col-name = Nombre
templates-col-for = Para
templates-col-languages = Idiomas
templates-deleted = La plantilla se ha eliminado.
templates-saved = La plantilla se ha guardado.
templates-kind-newsletter = Boletín
templates-kind-consent-request = Solicitud de consentimiento
templates-kind-notice = Aviso informativo
templates-new-title = Nueva plantilla de correo
templates-one-title = Plantilla de correo
templates-back = Volver a las plantillas
templates-errors = Corrija lo que se señala abajo.
templates-help = Rellene los idiomas en los que escribe; deje vacíos los demás. Texto sin formato: una línea en blanco empieza un párrafo nuevo. Una solicitud de consentimiento debe contener { $field }; Kith añade la cabecera de baja a cada solicitud.
templates-subject = Asunto
templates-body = Texto
templates-save = Guardar la plantilla
templates-fields = Campos de combinación
templates-fields-help = Escriba { $plain }, o { $fallback } para mostrar una palabra suya cuando la persona no tenga ese valor. Los valores se escapan: nunca pueden añadir marcado, enlaces ni cabeceras de correo.
templates-field-first-name = el nombre de pila de la persona
templates-field-last-name = los apellidos de la persona
templates-field-company = el nombre de la empresa de la persona
templates-field-purpose = el nombre de la finalidad de la que trata el correo
templates-field-controller = el nombre del responsable del tratamiento (quien envía el correo)
templates-field-confirm-url = el enlace que confirma el consentimiento (solo en solicitudes de consentimiento, donde es obligatorio)
templates-field-unsubscribe-url = el enlace de baja con un solo clic
templates-field-preferences-url = el enlace al centro de preferencias de la persona
templates-field-portal-url = el portal de privacidad, donde la persona ve sus datos y presenta solicitudes
templates-preview = Vista previa con un contacto
templates-find = Buscar un contacto (nombre, correo o teléfono)
templates-no-choice = No hay ningún contacto que elegir.
templates-no-match = Ningún contacto coincide con esta búsqueda.
templates-contact = Contacto
templates-search-only = — solo buscar —
templates-language = Idioma
templates-own-language = El del contacto
templates-preview-button = Vista previa
templates-preview-subject = Asunto:
templates-html-source = Versión HTML (código fuente)
templates-hidden-links = Aquí se ocultan los enlaces que actúan en nombre de la persona; el correo de la persona los incluye.
templates-test = Enviarse una prueba
templates-test-help = Se envía a { $email } a través del servidor de correo, rellenado con valores de ejemplo (sin datos de ningún contacto).
templates-test-language = Inglés o, si no, el primero
templates-send-test = Enviar prueba
templates-delete = Eliminar esta plantilla
templates-test-sent = Se ha enviado un correo de prueba con valores de ejemplo a { $to }.
templates-choose-kind = elija para qué sirve
templates-not-a-choice = no es una opción válida

## Solicitudes de consentimiento con una plantilla.
templates-req-all-title = Solicitar el consentimiento a todos los resultados
templates-req-back-list = Volver a la lista
templates-req-all-intro = Cada contacto que coincide con la búsqueda y el filtro de la lista recibe una solicitud de consentimiento por correo, en su idioma (el de su consentimiento más reciente o, si no, el inglés), con un enlace de confirmación válido durante los días que elija. Se omiten los contactos sin correo, los que ya respondieron, se opusieron o tienen el tratamiento limitado. En el paso siguiente verá cuántos contactos coinciden, antes de enviar nada.
templates-req-needs = Una solicitud de consentimiento necesita una finalidad, un aviso informativo y una plantilla de solicitud de consentimiento.
templates-req-no-template-link = Todavía no hay ninguna plantilla de solicitud de consentimiento: { $link }.
templates-req-no-template = Todavía no hay ninguna plantilla de solicitud de consentimiento (las escriben marketing, el DPD o un administrador).
templates-req-no-template-plain = Todavía no hay ninguna plantilla de solicitud de consentimiento.
templates-req-write-one = escriba una
templates-req-setup = Las finalidades y los avisos informativos se configuran en { $link }.
templates-req-privacy = Privacidad
templates-req-purpose = Finalidad
templates-req-template = Plantilla
templates-req-notice = Aviso informativo al que enlaza la solicitud
templates-req-days = Días para responder
templates-req-review = Revisar…
templates-req-one-title = Solicitar el consentimiento
templates-req-one-heading = Solicitar el consentimiento: { $name }
templates-req-back-contact = Volver al contacto
templates-req-one-intro = El contacto recibe una solicitud de consentimiento por correo en su idioma (el de su consentimiento más reciente o, si no, el inglés), con un enlace de confirmación. No se envía nada a un contacto sin correo, que ya dio o denegó su consentimiento por correo, se opuso o tiene el tratamiento limitado.
templates-req-send = Enviar la solicitud
templates-req-queued = La solicitud de consentimiento está en cola; el consentimiento del contacto figura como pendiente de respuesta.
templates-req-not-sent = No enviada: { $why }.
templates-req-choose-purpose = elija una finalidad
templates-req-choose-template = elija una plantilla de solicitud de consentimiento
templates-req-choose-notice = elija el aviso informativo al que enlaza la solicitud
templates-req-choose-both = elija una plantilla de solicitud de consentimiento y un aviso informativo
templates-req-purpose-title = Solicitudes de consentimiento: { $name }
templates-req-back-purpose = Volver a la finalidad
templates-req-auto = Preguntar automáticamente a los contactos nuevos
templates-req-auto-intro = Cuando el personal introduce un contacto, o una importación crea uno, con dirección de correo y sin base jurídica para esta finalidad, Kith envía una solicitud de consentimiento con la plantilla de abajo en un minuto aproximadamente (una tarea revisa los contactos nuevos; un reinicio del servidor no pierde ninguno). Los contactos creados antes de activar la regla nunca reciben su solicitud.
templates-req-auto-needs = La regla necesita una plantilla de solicitud de consentimiento ({ $write }) y un aviso informativo ({ $publish }).
templates-req-publish-one = publique uno
templates-req-auto-enabled = Preguntar a los contactos nuevos sin base jurídica para esta finalidad
templates-req-auto-notice = Aviso informativo al que enlaza la solicitud (se usa su versión más reciente)
templates-req-save-rule = Guardar la regla
templates-req-rule-saved = Se ha guardado la regla de solicitud automática.
templates-req-again = Volver a preguntar: consentimiento con un aviso anterior
templates-req-old-count = { $n ->
    [one] { $count } contacto dio su consentimiento para esta finalidad con una versión anterior de su aviso informativo.
   *[other] { $count } contactos dieron su consentimiento para esta finalidad con una versión anterior de su aviso informativo.
}
templates-req-old-count-see = { $n ->
    [one] { $count } contacto dio su consentimiento para esta finalidad con una versión anterior de su aviso informativo ({ $link }).
   *[other] { $count } contactos dieron su consentimiento para esta finalidad con una versión anterior de su aviso informativo ({ $link }).
}
templates-req-see-them = verlos
templates-req-again-intro = Cada uno recibe una solicitud de consentimiento con el aviso que elija (el actual), en su idioma. Su consentimiento sigue siendo válido hasta que responda: confirmar registra el consentimiento con el aviso nuevo; no responder no cambia nada.
templates-req-current-notice = El aviso informativo actual
templates-req-ask-n = { $n ->
    [one] Volver a preguntar a { $n } contacto
   *[other] Volver a preguntar a { $n } contactos
}
templates-req-asked = { $asked ->
    [one] Consentimiento solicitado de nuevo a { $asked } contacto
   *[other] Consentimiento solicitado de nuevo a { $asked } contactos
}; { $skipped } omitidos (sin correo, ya preguntados con este aviso, oposición o tratamiento limitado). Su consentimiento sigue siendo válido hasta que respondan.
