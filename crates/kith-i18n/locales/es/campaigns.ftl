## Marketing → Campañas: la lista, una campaña nueva, la página de una campaña.
campaigns-title = Campañas
campaigns-intro = Un boletín enviado a un segmento para un tipo de suscripción. Solo lo reciben las personas a las que se puede escribir por correo electrónico para su finalidad: cada una se comprueba de nuevo en el momento del envío y cada correo incluye una baja con un solo clic.
campaigns-new = Nueva campaña
campaigns-none = Todavía no hay campañas.
campaigns-col-name = Nombre
campaigns-col-status = Estado
campaigns-col-audience = Destinatarios
campaigns-col-queued = En cola
campaigns-col-sent = Enviados
campaigns-col-failed = Fallidos
campaigns-col-skipped = Omitidos
campaigns-col-contact = Contacto
campaigns-col-reason = Motivo

campaigns-status-draft = Borrador
campaigns-status-scheduled = Programada
campaigns-status-sending = Enviándose
campaigns-status-paused = En pausa
campaigns-status-done = Terminada
campaigns-status-cancelled = Cancelada
campaigns-recipient-pending = Pendiente
campaigns-recipient-queued = En cola
campaigns-recipient-sent = Enviado
campaigns-recipient-failed = Fallido
campaigns-recipient-skipped = Omitido

campaigns-one-title = Campaña
campaigns-back = Volver a las campañas
campaigns-fact-for = Para
campaigns-for-email = { $purpose } (correo electrónico)
campaigns-fact-scheduled = Programada para
campaigns-fact-rate = Ritmo
campaigns-rate-value = { $rate } por minuto
campaigns-fact-filter = Filtro de destinatarios
campaigns-fact-audience-now = Destinatarios ahora
campaigns-audience-now = { $n ->
    [one] { $n } persona puede recibir correos para { $purpose }
   *[other] { $n } personas pueden recibir correos para { $purpose }
}
campaigns-delivery = Entrega
campaigns-send-now = Enviar ahora
campaigns-at-utc = El (UTC)
campaigns-schedule = Programar
campaigns-pause = Pausar
campaigns-resume = Reanudar
campaigns-cancel = Cancelar la campaña
campaigns-log = Registro de entrega
campaigns-log-show = Mostrar
campaigns-log-all = todos
campaigns-filter = Filtrar
campaigns-log-none = Todavía no hay destinatarios.
campaigns-next-page = Página siguiente

campaigns-errors = Corrija lo siguiente:
campaigns-subscription-type = Tipo de suscripción
campaigns-template = Plantilla
campaigns-no-template = Todavía no hay ninguna plantilla de boletín: { $link }.
campaigns-write-one = escriba una
campaigns-audience-note = Siempre se añade «puede recibir correos para la finalidad del tipo de suscripción»: una campaña nunca llega a quien no puede recibir correos para ella.
campaigns-segment = Segmento guardado
campaigns-segment-none = (ninguno: usar el filtro de abajo)
campaigns-query = O un filtro de la lista de contactos (como en la dirección de la lista de contactos, p. ej. { $example }; vacío: todos)
campaigns-when = Cuándo
campaigns-when-draft = Guardar como borrador (ver antes el número de destinatarios)
campaigns-rate = Mensajes por minuto
campaigns-save = Guardar la campaña
campaigns-saved-draft = Guardada como borrador: { $why }
campaigns-choose-one = elija uno
campaigns-whole-number = debe ser un número entero
campaigns-give-time = indique una fecha y una hora (UTC)
