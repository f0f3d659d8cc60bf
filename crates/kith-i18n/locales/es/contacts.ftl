contacts-new-title = Nuevo contacto
contacts-correct-fields = Corrija los campos marcados a continuación.
contacts-create = Crear contacto
contacts-cancel = Cancelar
contacts-back-to-list = Volver a la lista
contacts-bad-date = debe ser una fecha como 2026-01-31
contacts-bad-choice = no es una opción válida

contacts-first-name = Nombre
contacts-last-name = Apellidos
contacts-job-title = Cargo
contacts-emails-field = Correos electrónicos (uno por línea)
contacts-phones-field = Teléfonos (uno por línea)
contacts-owner = Responsable
contacts-nobody = Nadie
contacts-company = Empresa
contacts-no-company = Ninguna
contacts-tags-field = Etiquetas (separadas por comas)
contacts-postal-address = Dirección postal
contacts-street = Calle
contacts-postal-code = Código postal
contacts-city = Ciudad
contacts-region = Región
contacts-country = País
contacts-notes = Notas
contacts-custom-fields = Campos personalizados
contacts-special-category = (categoría especial: { $category })
contacts-stale-choice = (ya no es una opción)

contacts-bulk-confirm-title = Confirmar el cambio masivo
contacts-bulk-none-match = Ningún contacto coincide con esta búsqueda y este filtro, así que no hay nada que cambiar.
contacts-bulk-none-exist = Ninguno de los contactos marcados existe ya, así que no hay nada que cambiar.
contacts-bulk-none-ticked = No hay filas marcadas. Vuelva atrás, marque algunas filas o elija «Todos los contactos que coinciden».
contacts-bulk-will-add-tag = Se añadirá la etiqueta «{ $x }» a { $n ->
    [one] <strong>{ $n }</strong> contacto
   *[other] <strong>{ $n }</strong> contactos
}.
contacts-bulk-will-remove-tag = Se quitará la etiqueta «{ $x }» de { $n ->
    [one] <strong>{ $n }</strong> contacto
   *[other] <strong>{ $n }</strong> contactos
}.
contacts-bulk-will-assign-owner = { $x } pasará a ser responsable de { $n ->
    [one] <strong>{ $n }</strong> contacto
   *[other] <strong>{ $n }</strong> contactos
}.
contacts-bulk-will-remove-owner = Se quitará el responsable de { $n ->
    [one] <strong>{ $n }</strong> contacto
   *[other] <strong>{ $n }</strong> contactos
}.
contacts-bulk-will-set-basis = Se registrará la base jurídica «{ $x }» para { $n ->
    [one] <strong>{ $n }</strong> contacto
   *[other] <strong>{ $n }</strong> contactos
}.
contacts-bulk-will-request-consent = Se enviará por correo electrónico una solicitud de consentimiento a { $n ->
    [one] <strong>{ $n }</strong> contacto
   *[other] <strong>{ $n }</strong> contactos
} (se omiten los contactos sin correo electrónico o que ya han respondido).
contacts-bulk-send-to = { $n ->
    [one] Enviar a { $n } contacto
   *[other] Enviar a { $n } contactos
}
contacts-bulk-change = { $n ->
    [one] Cambiar { $n } contacto
   *[other] Cambiar { $n } contactos
}
contacts-bulk-choose-basis = elija una base jurídica
contacts-bulk-choose-source = elija de dónde procede la base jurídica
contacts-bulk-choose-purpose = elija una finalidad
contacts-bulk-choose-purpose-notice = elija una finalidad y un aviso de privacidad
contacts-bulk-choose-action = elija qué hacer

contacts-segments-title = Segmentos
contacts-segments-build = Crear uno en la lista de contactos
contacts-segments-intro = Un segmento son los filtros de la lista de contactos guardados con un nombre: condiciones sobre la base jurídica, el consentimiento, quién puede ser contactado (la misma regla que usa cada envío), la limitación, la oposición, la versión del aviso de privacidad y la revisión, junto con los filtros de responsable, etiqueta, empresa y origen. Suyos o compartidos con el equipo.
contacts-segments-empty = Aún no hay segmentos. Filtre la <a href="/contacts#segment">lista de contactos</a> y luego pulse «Guardar segmento».
contacts-segments-name = Nombre
contacts-segments-count = Contactos ahora
contacts-segments-shared = Compartido
contacts-segments-changed = Modificado
contacts-segments-actions = Acciones
contacts-segments-colleagues = (de un compañero)
contacts-segments-with-team = Con el equipo
contacts-segments-owner-only = Solo su propietario
contacts-segments-stop-sharing = Dejar de compartir
contacts-segments-share = Compartir con el equipo
contacts-segments-delete = Eliminar
contacts-segments-delete-named = Eliminar el segmento { $name }
contacts-segments-saved = Segmento guardado.
contacts-segments-sharing-changed = Uso compartido modificado.
contacts-segments-deleted = Segmento eliminado.

contacts-basis-not-applicable = No aplicable
contacts-basis-consent = Consentimiento
contacts-basis-contract = Contrato
contacts-basis-legal-obligation = Obligación legal
contacts-basis-vital-interests = Intereses vitales
contacts-basis-public-task = Misión de interés público
contacts-basis-legitimate-interests = Intereses legítimos

contacts-one = Contacto
contacts-back = ← Contactos
contacts-details = Datos
contacts-email = Correo electrónico
contacts-phone = Teléfono
contacts-address = Dirección
contacts-tags = Etiquetas
contacts-created = Creado
contacts-source = Origen
contacts-field-policy = Política de campos
contacts-changed = Modificado
contacts-edit = Editar
contacts-not-saved = No se ha guardado nada. Corrija los campos marcados a continuación.
contacts-save = Guardar
contacts-saved = Cambios guardados.
contacts-created-notice = Contacto creado.
contacts-added = Añadido al historial.
contacts-erasure-requested = Se ha registrado una solicitud de supresión: el equipo de privacidad la revisa y la ejecuta.
contacts-policy-version = Campos escritos por última vez con la versión { $version } de la política de campos
contacts-policy-none = Campos recogidos antes de que Kith llevara una política de campos
contacts-source-by = { $what } — por { $who }, { $when }
contacts-source-at = { $what } — { $when }
contacts-source-none = No registrado (creado antes de que Kith registrara el origen)
contacts-source-detail = { $kind }: { $detail }
contacts-source-created-in-source = { $what } (creado en el origen el { $date })
contacts-activity = Actividad
contacts-add-to-timeline = Añadir al historial
contacts-add-a = Añadir
contacts-kind-note = Nota
contacts-kind-call = Llamada
contacts-kind-email = Correo electrónico
contacts-kind-meeting = Reunión
contacts-what-happened = Qué ocurrió
contacts-add = Añadir
contacts-timeline-empty = Aún no hay nada registrado. Aquí aparecen notas, llamadas, correos, reuniones y cambios en oportunidades, de más reciente a más antiguo.
contacts-text-hidden = (texto oculto para su rol)
contacts-deal-moved = «{ $title }» movida de { $from } a { $to }
contacts-deal-created = «{ $title }» creada en { $stage }
contacts-deals = Oportunidades
contacts-no-deals = No hay oportunidades con este contacto.
contacts-delete = Eliminar
contacts-delete-summary = Eliminar este contacto…
contacts-delete-text = Esto borra definitivamente el contacto, su historial y todos sus datos personales. No se puede deshacer. Un contacto sujeto a una retención legal o a una limitación no se elimina hasta que se levante la retención o la limitación.
contacts-delete-for-good = Eliminar definitivamente
contacts-erasure-text = Su rol presenta una solicitud de supresión: el equipo de privacidad comprueba si los datos deben conservarse (una retención legal, una limitación, art. 17, apartado 3) y después los suprime.
contacts-request-erasure = Solicitar la supresión
contacts-who-read = Quién ha consultado o modificado este contacto

contacts-privacy = Privacidad
contacts-undeliverable = Un servidor de correo rechazó de forma permanente una dirección de esta persona ({ $dates }): las campañas la omiten hasta que se cambie la dirección.
contacts-restricted-title = Tratamiento limitado
contacts-restricted-text = desde el { $since } (art. 18 del RGPD): solo se conservan los datos — sin ediciones, notas, envíos ni acciones masivas.
contacts-lift-restriction = Levantar la limitación
contacts-restrict = Limitar el tratamiento
contacts-art14-send = Enviar la información del art. 14
contacts-art14-sent = Información del art. 14 enviada el { $date } ({ $how }, en { $language })
contacts-art14-not-sent = Información del art. 14 no enviada
contacts-art14-from-import = desde la página de la importación
contacts-art14-automatically = automáticamente
contacts-art14-by-staff = por el personal
contacts-language-en = inglés
contacts-language-it = italiano
contacts-language-fr = francés
contacts-language-bg = búlgaro
contacts-language-de = alemán
contacts-language-es = español
contacts-retention = Conservación
contacts-hold-title = Retención legal
contacts-hold-text = — la política de conservación no eliminará este contacto. Motivo: { $reason }. Revisión el { $date }.
contacts-release-hold = Levantar la retención legal
contacts-place-hold = Establecer una retención legal
contacts-hold-reason = Motivo (p. ej., el caso en el que los datos son prueba)
contacts-hold-review-on = Revisión el
contacts-hold-place = Establecer la retención
contacts-review-due = Revisión pendiente:
contacts-review-question = ¿siguen siendo exactos y necesarios estos datos?
contacts-last-reviewed = Última revisión: { $date }.
contacts-mark-reviewed = Marcar como revisado: exacto y aún necesario
contacts-objections = Oposiciones
contacts-uphold = Estimar
contacts-override = Desestimar (motivos imperiosos)
contacts-requests = Solicitudes (derechos del RGPD)
contacts-no-requests = No hay solicitudes de esta persona.
contacts-request-line = { $status }, recibida el { $received }
contacts-request-line-due = { $status }, recibida el { $received }, vence el { $due }
contacts-register-request = Registrar una solicitud
contacts-person-asks = El interesado solicita
contacts-received-by = Recibida por
contacts-note = Nota
contacts-register = Registrar la solicitud
contacts-no-purposes = Aún no se ha definido ninguna finalidad.
contacts-may-we-contact = ¿Podemos contactar con esta persona?
contacts-consent-history = Historial de consentimientos ({ $n })
contacts-receipt = justificante
contacts-request-consent = Solicitar el consentimiento
contacts-set-basis = Establecer la base jurídica
contacts-purpose = Finalidad
contacts-basis = Base jurídica
contacts-lia-ref = Referencia de la evaluación (para intereses legítimos)
contacts-ends-on = Termina el (fin del contrato, si se conoce)
contacts-save-basis = Guardar la base jurídica
contacts-record-objection-title = Registrar una oposición (art. 21)
contacts-person-objects = La persona se opone a
contacts-record-objection = Registrar la oposición
contacts-record-consent-title = Registrar un consentimiento dado por teléfono o en papel
contacts-consent-given = Consentimiento dado
contacts-how = Cómo
contacts-channels = Canales
contacts-affirmative-act = Lo que la persona dijo o hizo
contacts-evidence = Prueba (id de la grabación, formulario escaneado)
contacts-record = Registrar
contacts-badge-no-email = No enviar correos: { $purpose }
contacts-badge-no-phone = No llamar: { $purpose }
contacts-badge-no-sms = No enviar SMS: { $purpose }
contacts-badge-no-post = No escribir por correo postal: { $purpose }
contacts-badge-awaiting = { $channel }: { $purpose } — a la espera desde el { $date }
contacts-badge-not-responded = { $channel }: { $purpose } — sin respuesta
contacts-badge-expired = { $channel }: { $purpose } — consentimiento caducado
contacts-badge-ok = { $channel }: { $purpose } ✓
contacts-basis-source-named = { $source } «{ $name }»
contacts-basis-detail = { $source }, desde el { $date }, establecida por { $who }
contacts-basis-detail-lia = { $source }, evaluación { $lia }, desde el { $date }, establecida por { $who }
contacts-the-system = el sistema

contacts-event-note = nota
contacts-event-call = llamada
contacts-event-email = correo
contacts-event-meeting = reunión
contacts-event-deal = oportunidad

contacts-source-manual = Introducido por el personal
contacts-source-web-form = Formulario web
contacts-source-import = Importación
# same as English
contacts-source-api = API

contacts-bsource-web-form = Formulario web
contacts-bsource-import = Importación
contacts-bsource-manual = Entrada manual
contacts-bsource-api-client = Cliente de API

contacts-channel-email = Correo electrónico
contacts-channel-phone = Teléfono
# same as English
contacts-channel-sms = SMS
contacts-channel-post = Correo postal

contacts-action-requested = Solicitado
contacts-action-given = Dado
contacts-action-refused = Rechazado
contacts-action-withdrawn = Retirado
contacts-action-expired = Caducado
contacts-method-web-form = Formulario web
contacts-method-double-opt-in = Doble confirmación
contacts-method-portal = Portal de privacidad
contacts-method-phone = Teléfono
contacts-method-paper = Formulario en papel
contacts-method-import = Importación
# same as English
contacts-method-api = API

contacts-decision-pending = Pendiente de decisión
contacts-decision-upheld = Estimada: tratamiento detenido
contacts-decision-overridden = Desestimada: motivos legítimos imperiosos registrados

contacts-dsr-access = Acceso (art. 15)
contacts-dsr-portability = Portabilidad (art. 20)
contacts-dsr-rectification = Rectificación (art. 16)
contacts-dsr-erasure = Supresión (art. 17)
contacts-dsr-restriction = Limitación (art. 18)
contacts-dsr-objection = Oposición (art. 21)
contacts-dsr-withdraw-consent = Retirada del consentimiento (art. 7, apartado 3)
contacts-dsr-information = Información (arts. 13 a 15)
contacts-dsr-automated-decision-review = Revisión de una decisión automatizada (art. 22)
contacts-dsr-channel-portal = Portal de privacidad
contacts-dsr-channel-email = Correo electrónico
contacts-dsr-channel-phone = Llamada
contacts-dsr-channel-letter = Carta
contacts-dsr-channel-staff = Personal

contacts-list-title = Contactos
contacts-list-new = + Nuevo contacto
contacts-list-reviews = Revisiones pendientes
contacts-list-saved-views = Vistas guardadas
contacts-list-saved-views-label = Vistas guardadas:
contacts-list-delete-view = Eliminar la vista { $name }
contacts-list-search = Buscar
contacts-list-search-placeholder = Nombre, correo electrónico o teléfono
contacts-list-filters = Filtros, orden y columnas
contacts-list-anyone = Cualquiera
contacts-list-tag = Etiqueta
contacts-list-any = Cualquiera
contacts-list-created-from = Creado desde
contacts-list-created-to = Creado hasta
contacts-list-sort = Orden
contacts-list-columns = Columnas
contacts-list-clear = Borrar
contacts-list-consent-basis = Consentimiento y base jurídica
contacts-list-active-conditions = Condiciones activas
contacts-list-remove-condition = Quitar la condición { $condition }
contacts-list-act-on-all = actuar sobre todos
contacts-list-add-condition-label = Añadir una condición
contacts-list-condition = Condición
contacts-list-channel = Canal
contacts-list-consent-state = Estado del consentimiento
contacts-list-add-condition = Añadir condición
contacts-list-save-as-segment = Guardar como segmento
contacts-list-save-filters-segment = Guardar estos filtros como segmento
contacts-list-save-segment = Guardar segmento
contacts-list-saved-segments = Segmentos guardados
contacts-list-start-again = empezar de nuevo
contacts-list-save-this-view = Guardar esta vista
contacts-list-save-as-view = Guardar filtros, orden y columnas como vista
contacts-list-save-view = Guardar vista
contacts-list-first-run-add-import = <strong>Aún no hay contactos</strong>: <a href="/contacts/new">añada uno</a> o importe un archivo CSV (<a href="/import">Importar contactos</a>, o <code>kith import contacts</code>). Para una visita guiada, <code>kith demo</code> llena Kith de datos de ejemplo ficticios.
contacts-list-first-run-add = <strong>Aún no hay contactos</strong>: <a href="/contacts/new">añada uno</a> o importe un archivo CSV (los archivos los importa un administrador o el DPD). Para una visita guiada, <code>kith demo</code> llena Kith de datos de ejemplo ficticios.
contacts-list-first-run-import = <strong>Aún no hay contactos</strong>: importe un archivo CSV (<a href="/import">Importar contactos</a>, o <code>kith import contacts</code>). Para una visita guiada, <code>kith demo</code> llena Kith de datos de ejemplo ficticios.
contacts-list-first-run = <strong>Aún no hay contactos</strong>: los archivos CSV los importa un administrador o el DPD. Para una visita guiada, <code>kith demo</code> llena Kith de datos de ejemplo ficticios.
contacts-list-no-match = Ningún contacto coincide.
contacts-list-no-match-search = Ningún contacto coincide con esta búsqueda.
contacts-list-no-match-filters = Ningún contacto coincide con estos filtros.
contacts-list-no-match-both = Ningún contacto coincide con esta búsqueda y estos filtros.
contacts-list-show-all = Mostrar todos los contactos
contacts-list-request-all = Solicitar el consentimiento a todos los que coinciden…
contacts-list-bulk-action = Acción masiva
contacts-list-selected-rows = Filas seleccionadas
contacts-list-all-matching = Todos los contactos que coinciden con esta búsqueda y este filtro
contacts-list-all-contacts = Todos los contactos, sin excepción
contacts-list-action = Acción
contacts-list-assign-owner = Asignar responsable
contacts-list-add-tag = Añadir etiqueta
contacts-list-remove-tag = Quitar etiqueta
contacts-list-request-by-email = Solicitar el consentimiento por correo electrónico
contacts-list-owner-for-assign = Responsable (para «Asignar responsable»)
contacts-list-tag-for = Etiqueta (para añadir / quitar)
contacts-list-review = Revisar…
contacts-list-basis-options = Opciones de base jurídica y de solicitud de consentimiento
contacts-list-basis-for-set = Base jurídica (para «Establecer la base jurídica»)
contacts-list-source-name = Nombre del origen (archivo, formulario, cliente)
contacts-list-lia-ref = Referencia de la evaluación (intereses legítimos)
contacts-list-effective = Fecha de efecto
contacts-list-notice-for = Aviso de privacidad (para «Solicitar el consentimiento»)
contacts-list-mail-subject = Asunto del correo
contacts-list-mail-text = Texto del correo
contacts-list-days-to-answer = Días para responder
contacts-list-select-page = Seleccionar todos en esta página
contacts-list-select = Seleccionar { $name }
contacts-list-name = Nombre
contacts-list-consent-col = Consentimiento: { $purpose }
contacts-list-next-page = Página siguiente →
contacts-list-first-page = ↑ Primera página
contacts-list-changed = { $n ->
    [one] { $n } contacto modificado.
   *[other] { $n } contactos modificados.
}
contacts-list-requested = { $n ->
    [one] Consentimiento solicitado a { $n } contacto.
   *[other] Consentimiento solicitado a { $n } contactos.
}
contacts-list-deleted = Se han eliminado el contacto y todos sus datos personales.
contacts-list-view-saved = Vista guardada.
contacts-list-view-deleted = Vista eliminada.
contacts-list-match-count = { $n ->
    [one] { $n } contacto coincide
   *[other] { $n } contactos coinciden
}
contacts-list-no-basis = Sin base jurídica
contacts-list-choose-source = elija un origen de la lista
contacts-list-choose-channel = elija un canal
contacts-list-choose-basis = elija una base jurídica (o ninguna)
contacts-list-choose-state = elija un estado del consentimiento
contacts-list-choose-condition = elija una condición
contacts-list-unknown-purpose = una finalidad desconocida
contacts-sort-newest = Más recientes primero
contacts-sort-oldest = Más antiguos primero
contacts-sort-recently-changed = Modificados recientemente
contacts-sort-least-recently-changed = Modificados hace más tiempo

contacts-col-email = Correo electrónico
contacts-col-phone = Teléfono
contacts-col-job-title = Cargo
contacts-col-company = Empresa
contacts-col-owner = Responsable
contacts-col-tags = Etiquetas
contacts-col-created = Creado
contacts-col-updated = Actualizado

contacts-cond-may = Se le puede contactar (finalidad, canal)
contacts-cond-may-not = No se le puede contactar (finalidad, canal)
contacts-cond-basis = La base jurídica es (finalidad, base)
contacts-cond-consent = El estado del consentimiento es (finalidad, canal, estado)
contacts-cond-objected = Se opuso a la finalidad
contacts-cond-objected-any = Se opuso a alguna finalidad
contacts-cond-old-notice = Consentimiento con un aviso anterior (finalidad)
contacts-cond-restricted = Tratamiento limitado
contacts-cond-not-restricted = Tratamiento no limitado
contacts-cond-review-due = Revisión pendiente
contacts-chip-basis = { $purpose }: base { $basis }
contacts-chip-no-basis = { $purpose }: sin base jurídica
contacts-chip-consent = { $purpose }: consentimiento por { $channel } { $state }
contacts-chip-may = { $purpose }: se puede contactar por { $channel }
contacts-chip-may-not = { $purpose }: no se puede contactar por { $channel }
contacts-chip-objected = { $purpose }: oposición
contacts-chip-old-notice = { $purpose }: consentimiento con un aviso anterior

contacts-badge-unknown = Desconocido
contacts-badge-no-basis = sin base
contacts-badge-title-may = Base: { $basis }; consentimiento por correo: { $state }; se le pueden enviar correos
contacts-badge-title-may-not = Base: { $basis }; consentimiento por correo: { $state }; no se le pueden enviar correos

contacts-state-none = Sin registro
contacts-state-awaiting = A la espera de respuesta
contacts-state-not-responded = Sin respuesta
contacts-state-given = Dado
contacts-state-refused = Rechazado
contacts-state-withdrawn = Retirado
contacts-state-expired = Caducado

contacts-choose-kind = elija nota, llamada, correo electrónico o reunión
contacts-bad-emails = cada línea debe ser una dirección de correo electrónico como name@example.com
contacts-special-not-allowed = su rol no puede modificar campos de categorías especiales

contacts-special-health = Salud
contacts-special-religion = Convicciones religiosas o filosóficas
contacts-special-political-opinion = Opiniones políticas
contacts-special-ethnic-origin = Origen étnico o racial
contacts-special-trade-union = Afiliación sindical
contacts-special-genetic = Datos genéticos
contacts-special-biometric = Datos biométricos
contacts-special-sex-life = Vida sexual u orientación sexual
contacts-special-criminal = Condenas e infracciones penales
