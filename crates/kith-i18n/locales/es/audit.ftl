audit-title = Registro de auditoría
audit-intro = Cada lectura, cambio y exportación de datos personales, de la más antigua a la más reciente. Las entradas contienen identificadores, nunca valores personales; el hash de cada entrada cubre la anterior.
audit-contact-id = ID del contacto
audit-contact-id-placeholder = el ID en la dirección de un contacto
audit-by-user = Del usuario
audit-anyone = Cualquiera
audit-show = Mostrar entradas
audit-verify = Verificar toda la cadena
audit-empty = Ninguna entrada coincide.
audit-caption = Entradas de auditoría
audit-when = Cuándo
audit-who = Quién
audit-action = Acción
audit-contact = Contacto
audit-object = Objeto
audit-request = Solicitud
audit-via-token = mediante el token de API { $token }
audit-changes-link = cambios
audit-next = Página siguiente →
audit-chain-intact = La cadena está intacta: { $n ->
        [one] { $n } entrada verificada
       *[other] { $n } entradas verificadas
    }.
audit-chain-broken = La cadena está rota en la entrada { $seq }: { $reason }.
audit-subject-invalid = debe ser el ID de un contacto
audit-user-invalid = no es una opción válida
audit-changes-title = Cambios de la entrada { $seq }
audit-changes-heading = Cambios de la entrada de auditoría { $seq }
audit-changes-intro = Los valores antes y después, guardados cifrados con la clave de la persona: desaparecen con la persona si se suprime. Abrirlos queda a su vez registrado en el registro de auditoría.
audit-changes-caption = Campos cambiados
audit-field = Campo
audit-before = Antes
audit-after = Después
audit-back = Volver al registro de auditoría

audit-changed-first-name = nombre
audit-changed-last-name = apellidos
audit-changed-emails = correos electrónicos
audit-changed-phones = teléfonos
audit-changed-address = dirección
audit-changed-job-title = cargo
audit-changed-notes = notas
audit-changed-interaction-bodies = textos de las interacciones
