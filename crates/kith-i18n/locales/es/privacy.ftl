## Resumen de privacidad (privacy.html) y sus gráficos.
privacy-title = Privacidad
privacy-heading = Resumen de privacidad
privacy-intro = { $contacts ->
    [one] { $contacts } contacto
   *[other] { $contacts } contactos
}. Recuentos por finalidad: base jurídica registrada y consentimiento por canal en su estado actual (el consentimiento caducado y las solicitudes sin respuesta se cuentan como tales).
privacy-accountability = Responsabilidad proactiva:
privacy-link-register = Registro de actividades de tratamiento
privacy-link-recipients = Destinatarios y transferencias
privacy-link-breaches = Violaciones
privacy-link-setup = Finalidades, avisos, suscripciones y formularios
privacy-link-outbox = Bandeja de salida
privacy-link-import = Importar contactos
privacy-link-retention = Conservación
privacy-link-fields = Política de campos
privacy-link-evidence = Paquete de pruebas
privacy-art14-heading = Información del art. 14
privacy-art14-text = Las personas cuyos datos proceden de una importación o de una entrada del personal reciben, una sola vez y en el plazo de un mes, información sobre quién los tiene, por qué, de dónde proceden y cuáles son sus derechos (art. 14, apartado 3, letra a).
privacy-art14-overdue = Con retraso: { $n ->
    [one] { $n } persona lleva
   *[other] { $n } personas llevan
} más de un mes en Kith sin la información.
privacy-art14-overdue-none = Con retraso: ninguna.
privacy-art14-auto = Enviar automáticamente
privacy-art14-after = días después de crear el contacto
privacy-save = Guardar
privacy-empty = Aún no hay finalidades definidas.
privacy-empty-define = Definir la primera finalidad
privacy-bars-help = Cada número y cada parte de una barra abre los contactos que cuenta.
privacy-basis-caption = Base jurídica
privacy-consent-caption = Consentimiento
privacy-channel = Canal
privacy-trend-heading = Los últimos 12 meses
privacy-trend-heading-of = Los últimos 12 meses: { $purpose }
privacy-trend-help = Por mes natural (UTC): consentimientos dados y retirados (cada evento del registro una vez, sean cuales sean sus canales) y solicitudes de los interesados respondidas (completadas o rechazadas; todas las solicitudes, no se refieren a una finalidad).
privacy-trend-help-of = Por mes natural (UTC): consentimientos dados y retirados para esta finalidad (cada evento del registro una vez, sean cuales sean sus canales) y solicitudes de los interesados respondidas (completadas o rechazadas; todas las solicitudes, no se refieren a una finalidad).
privacy-trend-purpose = Finalidad
privacy-trend-every = Todas las finalidades
privacy-show = Mostrar
privacy-trend-caption = Por mes
privacy-month = Mes
privacy-consent-given = Consentimientos dados
privacy-consent-withdrawn = Consentimientos retirados
privacy-requests-answered = Solicitudes respondidas
privacy-trend-unknown = Esa finalidad no existe: la evolución muestra todas las finalidades.
privacy-chart-trend = Últimos 12 meses: { $purpose }
privacy-chart-trend-all = Últimos 12 meses: todas las finalidades
privacy-chart-basis = { $purpose }: base jurídica
privacy-chart-consent = { $purpose }: consentimiento por { $channel }
privacy-no-basis = Sin base
privacy-chart-empty = No hay contactos que contar
privacy-chart-nothing = Nada registrado en estos meses
privacy-month-label = { $month } { $year }
privacy-month-1 = ene
privacy-month-2 = feb
privacy-month-3 = mar
privacy-month-4 = abr
privacy-month-5 = may
privacy-month-6 = jun
privacy-month-7 = jul
privacy-month-8 = ago
privacy-month-9 = sept
privacy-month-10 = oct
privacy-month-11 = nov
privacy-month-12 = dic

## Vocabularios cerrados que aparecen en estas páginas.
privacy-basis-not-applicable = No aplicable
privacy-basis-consent = Consentimiento
privacy-basis-contract = Contrato
privacy-basis-legal-obligation = Obligación legal
privacy-basis-vital-interests = Intereses vitales
privacy-basis-public-task = Misión de interés público
privacy-basis-legitimate-interests = Intereses legítimos
privacy-state-none = Sin registro
privacy-state-awaiting = A la espera de respuesta
privacy-state-not-responded = Sin respuesta
privacy-state-given = Dado
privacy-state-refused = Rechazado
privacy-state-withdrawn = Retirado
privacy-state-expired = Caducado
privacy-channel-email = Correo electrónico
privacy-channel-phone = Teléfono
# same as English
privacy-channel-sms = SMS
privacy-channel-post = Correo postal

## Configuración del consentimiento y páginas de edición de un formulario y de una finalidad.
privacy-setup-title = Configuración del consentimiento
privacy-back-overview = Volver al resumen
privacy-back-setup = Volver a la configuración del consentimiento
privacy-setup-purposes = Finalidades
privacy-setup-no-purposes = Aún no hay finalidades.
privacy-setup-default = (por defecto: { $basis })
privacy-name = Nombre
privacy-description = Descripción
privacy-default-basis = Base jurídica por defecto
privacy-data-categories = Categorías de datos (separadas por comas)
privacy-setup-retention = Conservación, explicada a las personas
privacy-setup-recipients = Los destinatarios se declaran en el registro, cada uno con las finalidades a las que sirve:
privacy-recipients-link = Privacidad → Destinatarios
privacy-direct-marketing = Mercadotecnia directa (una oposición la detiene de inmediato)
privacy-setup-rule-later = Una vez añadida la finalidad, establezca en su página la regla de conservación que aplica la depuración.
privacy-setup-add-purpose = Añadir finalidad
privacy-setup-notices = Avisos de privacidad
privacy-setup-notices-help = Un aviso nunca se edita: publicarlo con el mismo nombre añade su siguiente versión.
privacy-notice-version = { $name } v{ $version }
privacy-language = Idioma
privacy-setup-notice-url = Dirección del texto publicado (opcional)
privacy-setup-notice-text = Texto
privacy-setup-publish = Publicar versión
privacy-setup-subs = Tipos de suscripción
privacy-setup-channels = Canales
privacy-setup-add-sub = Añadir tipo de suscripción
privacy-setup-forms = Formularios de consentimiento
privacy-setup-inactive = (inactivo)
privacy-edit = Editar
privacy-form-slug = Dirección /f/…
privacy-form-title = Título
privacy-form-intro = Introducción
privacy-form-logo = Dirección del logotipo (opcional)
privacy-form-also-ask = Pedir también
privacy-form-phone = Teléfono
privacy-setup-subs-offered = Suscripciones ofrecidas (se muestran sin marcar)
privacy-form-notice = Aviso de privacidad
privacy-setup-third-parties = Terceros con los que la persona puede aceptar compartir (separados por comas)
privacy-form-button = Texto del botón
privacy-form-button-default = Suscribirse
privacy-setup-create-form = Crear formulario
privacy-setup-bad-form = Elija un aviso de privacidad y al menos un tipo de suscripción.
privacy-form-edit-title = Editar formulario de consentimiento
privacy-form-open-public = Abrir la página pública
privacy-form-active = Activo (la página pública responde)
privacy-form-subs-offered = Suscripciones ofrecidas (se muestran sin marcar a los visitantes)
privacy-form-third-parties = Terceros (separados por comas)
privacy-form-save = Guardar formulario
privacy-purpose-edit-title = Editar finalidad
privacy-purpose-requests = Solicitudes de consentimiento para esta finalidad (regla automática, nuevo permiso)
privacy-purpose-retention = Conservación, explicada a las personas (citada en las exportaciones de acceso)
privacy-purpose-rule = Regla de conservación (la aplica la depuración)
privacy-purpose-rule-help = Conservar los datos de una persona durante este período tras el hecho de referencia y después eliminarlos — cuando ninguna otra finalidad justifique ya conservarlos. Deje vacío el hecho de referencia para no aplicar ninguna regla.
privacy-purpose-after = Tras
privacy-purpose-no-rule = — ninguna regla —
privacy-purpose-keep-for = Conservar durante
privacy-purpose-unit = Unidad
privacy-purpose-then = Después
privacy-purpose-recipients = Los destinatarios se declaran en el registro (cada destinatario indica las finalidades para las que recibe datos):
privacy-purpose-save = Guardar finalidad
privacy-whole-number = debe ser un número entero
privacy-anchor-last-interaction = la última interacción
privacy-anchor-created = la creación
privacy-anchor-contract-end = el fin del contrato
privacy-anchor-consent-withdrawn = la retirada del consentimiento
privacy-anchor-deal-closed = el cierre de las oportunidades de la persona
privacy-disposal-delete = suprimir
privacy-disposal-anonymise = anonimizar
privacy-unit-days = días
privacy-unit-months = meses
privacy-unit-years = años
privacy-period = { $unit ->
    [days] { $count ->
        [one] { $count } día
       *[other] { $count } días
    }
    [months] { $count ->
        [one] { $count } mes
       *[other] { $count } meses
    }
   *[years] { $count ->
        [one] { $count } año
       *[other] { $count } años
    }
}
privacy-rule = { $period } { $after }, después { $disposal }
privacy-rule-at-once = de inmediato { $after }, después { $disposal }
privacy-after-last-interaction = tras la última interacción
privacy-after-created = tras la creación
privacy-after-contract-end = tras el fin del contrato
privacy-after-consent-withdrawn = tras la retirada del consentimiento
privacy-after-deal-closed = tras el cierre de las oportunidades de la persona

## Política de campos (fields.html).
privacy-fields-title = Política de campos
privacy-fields-version = versión { $version }
privacy-fields-intro = Kith solo conserva los campos personales que aquí figuran como permitidos, para las finalidades indicadas. Se rechaza el valor de cualquier otro campo dondequiera que se escriba: API, páginas del personal, importaciones, formularios.
privacy-fields-remove-q = ¿Eliminar «{ $field }»?
privacy-fields-remove-text = { $n ->
    [one] contacto tiene un valor para este campo. Eliminarlo lo desactiva y borra esos valores definitivamente (cada borrado queda registrado, sin el valor).
   *[other] contactos tienen un valor para este campo. Eliminarlo lo desactiva y borra esos valores definitivamente (cada borrado queda registrado, sin el valor).
}
privacy-fields-remove-purge = { $n ->
    [one] Eliminar y borrar { $n } valor
   *[other] Eliminar y borrar { $n } valores
}
privacy-fields-keep = Conservarlo
privacy-fields-heading = Campos
privacy-fields-field = Campo
privacy-fields-kind = Tipo
privacy-fields-category = Categoría
privacy-fields-needed-for = Necesario para
privacy-fields-special = Categoría especial
privacy-fields-allowed = Permitido
privacy-fields-no-purpose = aún no se ha indicado ninguna finalidad
privacy-yes = sí
# same as English
privacy-no = no
privacy-fields-remove = Eliminar…
privacy-fields-add = Añadir o modificar un campo
privacy-fields-key = Campo (una clave integrada como job_title, o un nuevo nombre personalizado como shoe_size)
privacy-fields-label = Etiqueta
privacy-fields-kind-new = Tipo (nuevos campos personalizados)
privacy-fields-choices = Opciones (campos de elección, separadas por comas)
privacy-fields-purpose = Necesario para la finalidad
privacy-fields-special-art = Categoría especial (arts. 9 y 10 del RGPD)
privacy-fields-special-none = ninguna
privacy-fields-reason = Por qué Kith debe conservarlo (obligatorio para una categoría especial)
privacy-fields-save = Guardar campo
privacy-fields-built-in = integrado
privacy-fields-special-reason = { $category } — { $reason }
privacy-fields-removed = { $field } eliminado: { $n ->
    [one] { $n } valor borrado
   *[other] { $n } valores borrados
}; la política está ahora en la versión { $version }.
privacy-fields-removed-same = { $field } eliminado: { $n ->
    [one] { $n } valor borrado
   *[other] { $n } valores borrados
}; la política no ha cambiado.
privacy-kind-text = Texto
privacy-kind-number = Número
privacy-kind-date = Fecha
privacy-kind-choice = Elección única
privacy-kind-multi-choice = Elección múltiple
privacy-category-identity = Identidad
privacy-category-contact = Datos de contacto
privacy-category-professional = Profesionales
privacy-category-financial = Financieros
privacy-category-demographic = Demográficos
privacy-category-preferences = Preferencias
privacy-category-other = Otros
privacy-special-health = Salud
privacy-special-religion = Convicciones religiosas o filosóficas
privacy-special-political-opinion = Opiniones políticas
privacy-special-ethnic-origin = Origen étnico o racial
privacy-special-trade-union = Afiliación sindical
privacy-special-genetic = Datos genéticos
privacy-special-biometric = Datos biométricos
privacy-special-sex-life = Vida sexual u orientación sexual

## Conservación (retention.html) y revisiones pendientes (reviews.html).
privacy-retention-title = Conservación
privacy-retention-rules = Reglas
privacy-retention-help = Los datos de una persona se conservan mientras alguna finalidad que le afecte lo siga justificando; después se aplica la regla de la última. Las retenciones legales y las limitaciones la suspenden. Establezca una regla en la página de la finalidad.
privacy-retention-rule = Regla
privacy-retention-no-rule = ninguna regla
privacy-retention-dry-button = Simulación: listar quién saldría
privacy-retention-run-button = Ejecutar ahora: eliminar a todos aquellos cuyo plazo ha vencido
privacy-retention-daily = El servidor también ejecuta la depuración una vez al día.
privacy-retention-result-dry = Simulación: { $checked } contactos revisados, { $disposed } saldrían
privacy-retention-result-run = Ejecución: { $checked } contactos revisados, { $disposed } eliminados
privacy-retention-tally = Conservados: { $kept } · suspendidos por una retención legal o una limitación: { $suspended } · ninguna finalidad aplicable: { $none } · ninguna regla: { $norule }
privacy-retention-contact = Contacto
privacy-retention-expired-on = Venció el
privacy-retention-open = Abrir
privacy-retention-past = Ejecuciones anteriores
privacy-retention-none-yet = Aún no se ha ejecutado ninguna depuración.
privacy-retention-started = Iniciada
privacy-retention-by = Por
privacy-retention-checked = Revisados
privacy-retention-disposed = Eliminados
privacy-retention-dry = Simulación
privacy-retention-run = Ejecución
privacy-retention-unfinished = (sin terminar: la próxima ejecución la reanuda)
privacy-reviews-title = Revisiones pendientes
privacy-reviews-intro = Sus contactos sin revisar desde hace { $days } días. ¿Sigue siendo cada ficha exacta y necesaria? Ábrala y pulse Marcar como revisado, corríjala o elimínela.
privacy-reviews-none = Nada que revisar.
privacy-reviews-last = Última revisión

## Bandeja de salida (outbox.html).
privacy-outbox-title = Bandeja de salida
privacy-outbox-intro = Correo puesto en cola por Kith, del más reciente al más antiguo. Sin un servidor SMTP configurado, los mensajes se quedan aquí (estado «outbox»). Abrir uno queda registrado en el registro de auditoría.
privacy-outbox-message = Mensaje
privacy-outbox-to = Para:
privacy-outbox-subject = Asunto:
privacy-outbox-parting = Confirmaciones de supresión
privacy-outbox-parting-help = El último correo a una persona suprimida a petición suya. Se guarda aparte de sus datos suprimidos, sellado, y se borra en cuanto se entrega, o a los 7 días (envíelo a mano desde aquí cuando no haya servidor SMTP).
privacy-outbox-queued = En cola
privacy-outbox-status = Estado
privacy-outbox-attempts = Intentos
privacy-outbox-empty = Aún no hay correo.

## Paquete de pruebas (evidence.html).
privacy-evidence-recipients = Destinatarios
privacy-evidence-dpias = EIPD
privacy-evidence-intro = Un único archivo firmado para entregar a una autoridad de control: lo que Kith conserva sobre sus tratamientos, tal como estaba en un día determinado. Las personas solo aparecen como seudónimos (un hash con clave que solo esta instalación puede recalcular) y en recuentos: sin nombres, direcciones ni notas.
privacy-evidence-holds = Qué contiene el paquete
privacy-evidence-holds-register = El registro de actividades de tratamiento (art. 30) vigente ese día: CSV, HTML listo para imprimir, DPV JSON-LD y su JSON canónico
privacy-evidence-holds-dpias = Las evaluaciones de impacto relativas a la protección de datos (art. 35)
privacy-evidence-holds-recipients = Los destinatarios con sus contratos (art. 28) y los fundamentos y referencias de las transferencias (arts. 44–49)
privacy-evidence-holds-consent = El consentimiento por finalidad: recuentos de eventos del registro por acción y aviso, los textos de los avisos con su SHA-256
privacy-evidence-holds-requests = El registro de solicitudes: recibida, vencimiento, prorrogada, completada, estado, resultado; cada persona como seudónimo
privacy-evidence-holds-breaches = El registro de violaciones (art. 33, apartado 5) con su historial y notificaciones; las personas como recuentos
privacy-evidence-holds-retention = Las ejecuciones de la conservación, con sus recuentos por regla
privacy-evidence-holds-heads = Las cabezas de la cadena de auditoría y del registro de consentimientos ese día y ahora
privacy-evidence-holds-manifest = Un manifiesto con el SHA-256 de cada archivo, firmado con Ed25519 (un JWS compacto)
privacy-evidence-build = Generar un paquete
privacy-evidence-as-of = A fecha de (día, UTC; vacío para ahora)
privacy-evidence-period = Período de los registros (solicitudes, eventos de consentimiento, violaciones, ejecuciones de la conservación; vacío para todo)
privacy-evidence-from = Desde
privacy-evidence-to = Hasta
privacy-evidence-purposes = Finalidades (ninguna marcada: todas las finalidades)
privacy-no-purpose-yet = Aún no hay ninguna finalidad definida.
privacy-evidence-download = Generar y descargar
privacy-evidence-verify = Cómo lo verifica la autoridad
privacy-evidence-key = El paquete está firmado con la clave de pruebas de esta instalación. Su parte pública está publicada en:
privacy-evidence-thumbprint = Su huella (RFC 7638):
privacy-evidence-read-out = Léasela al auditor para que sepa que la clave es suya.
privacy-evidence-with-kith = Con Kith:
privacy-evidence-without-kith = Sin Kith:
privacy-evidence-needs = El script necesita la biblioteca estándar de Python y el paquete
privacy-evidence-format = el formato se describe en
privacy-evidence-checks = Ambos comprueban el SHA-256 de cada archivo, que no se ha añadido ni quitado ningún archivo, la firma y que los bytes del archivo siguen exactamente la estructura canónica: se rechaza cualquier byte modificado.

retention-explain-no-purpose = Ninguna finalidad se aplica a este contacto: ninguna regla de conservación puede hacerlo caducar. Revise si sigue siendo necesario.
retention-explain-no-rule = Las finalidades aplicables no tienen regla de conservación: los datos se conservan mientras se apliquen.
retention-explain-kept-rule = Conservado: «{ $purpose }» todavía lo justifica (regla: { $rule }); aún sin fecha de caducidad.
retention-explain-kept = Conservado: «{ $purpose }» está en vigor y no tiene regla de conservación.
retention-explain-expires = Caduca el { $date } según «{ $purpose }» ({ $rule }).
retention-explain-held = Caducado el { $date } según «{ $purpose }» ({ $rule }), pero una retención legal lo suspende hasta que se levante (revisión el { $review }).
retention-explain-restricted = Caducado el { $date } según «{ $purpose }» ({ $rule }), pero el tratamiento está limitado (art. 18): se conserva hasta que se levante la limitación.
retention-explain-expired = Caducado el { $date } según «{ $purpose }» ({ $rule }): la próxima revisión aplicará: { $disposal }.
