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
    [one] { $n } contacto
   *[other] { $n } contactos
}.
contacts-bulk-will-remove-tag = Se quitará la etiqueta «{ $x }» de { $n ->
    [one] { $n } contacto
   *[other] { $n } contactos
}.
contacts-bulk-will-assign-owner = { $x } pasará a ser responsable de { $n ->
    [one] { $n } contacto
   *[other] { $n } contactos
}.
contacts-bulk-will-remove-owner = Se quitará el responsable de { $n ->
    [one] { $n } contacto
   *[other] { $n } contactos
}.
contacts-bulk-will-set-basis = Se registrará la base jurídica «{ $x }» para { $n ->
    [one] { $n } contacto
   *[other] { $n } contactos
}.
contacts-bulk-will-request-consent = Se enviará por correo electrónico una solicitud de consentimiento a { $n ->
    [one] { $n } contacto
   *[other] { $n } contactos
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
