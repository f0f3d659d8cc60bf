## Páginas públicas, para personas sin cuenta. Se trata de usted a la persona.

public-languages = Idioma

public-not-found-title = No encontrado
public-not-found-text = No hay nada en esta dirección.
public-bad-address-title = Esta dirección no es válida
public-bad-address-text = Vuelva a abrir el enlace tal como lo recibió.
public-invalid-link-title = Este enlace no es válido
public-invalid-link-text = El enlace está incompleto o se ha modificado. Vuelva a abrirlo desde el mensaje que recibió.
public-expired-link-title = Este enlace ha caducado
public-expired-link-text = Los enlaces son válidos durante un tiempo limitado. Envíe de nuevo el formulario para recibir uno nuevo.

public-notice-intro = Cómo usamos sus datos:
public-notice-version = { $name } (versión { $version })
public-notice-meta = Versión { $version } · SHA-256 { $sha }

public-form-email = Correo electrónico
public-form-first-name = Nombre
public-form-last-name = Apellidos
public-form-phone = Teléfono
public-form-subscriptions = Suscripciones
public-form-choose = ¿Qué desea recibir? (marque lo que quiera)
public-form-sharing = Cesión de datos
public-form-share = Sí, pueden ceder mis datos a: { $parties }
public-form-gpc = Su navegador envía una señal Global Privacy Control: no cederemos sus datos a menos que marque la casilla anterior.
public-form-confirm-hint = Le enviaremos por correo electrónico un enlace para confirmar.
public-form-fix = Revise — { $field }: { $problem }
public-problem-email = debe ser una dirección de correo electrónico
public-problem-phone = debe ser un número de teléfono
public-problem-name = debe tener como máximo 100 caracteres, sin caracteres de control
public-problem-no-subscription = marque al menos una suscripción para suscribirse
public-problem-unknown-subscription = este formulario no ofrece esa suscripción
public-problem-other = no es válido
public-check-inbox-title = Revise su bandeja de entrada
public-check-inbox-text = Si la dirección es válida, recibirá un mensaje con un enlace de confirmación. No le enviaremos nada hasta que confirme.

public-confirm-title = Confirme su suscripción
public-confirm-text = Pulse el botón para confirmar que desea recibir lo que ha solicitado.
public-confirm-button = Confirmar
public-confirmed-title = Gracias: confirmado
public-confirmed-text = Su elección ha quedado registrada. Le hemos enviado un justificante a su bandeja de entrada; puede cambiar de opinión en cualquier momento desde el enlace que contiene.
public-confirmed-already = Este enlace ya se ha utilizado: su elección ha quedado registrada.

public-prefs-title = Sus preferencias de correo electrónico
public-prefs-save = Guardar mis preferencias
public-prefs-saved = Sus preferencias se han guardado.
public-prefs-not-given = Sus demás preferencias se han guardado. No se ha realizado la suscripción porque no ha visto cómo usamos sus datos para ella: suscríbase mediante su formulario de alta, que lo explica — { $names }
public-prefs-unsubscribe-all = Darme de baja de todo
public-prefs-unsubscribed = Se ha dado de baja.
public-prefs-receipts = Sus justificantes de consentimiento
public-channel-email = Correo electrónico
public-channel-phone = Teléfono
# same as English
public-channel-sms = SMS
public-channel-post = Correo postal
public-action-requested = Solicitado
public-action-given = Otorgado
public-action-refused = Denegado
public-action-withdrawn = Retirado
public-action-expired = Caducado

public-unsubscribe-title = Darse de baja
public-unsubscribe-text = Pulse el botón para dejar de recibir estos mensajes.
public-unsubscribe-button = Darme de baja

## El lector es un encargado del tratamiento que actúa por cuenta del responsable.
public-ack-title = Confirmar una solicitud de protección de datos
public-ack-action = Qué se solicita (art. 19 del RGPD)
public-ack-subject = El interesado (identificador)
public-ack-reference = Referencia
public-ack-due = Confirme a más tardar el
public-ack-done-on = Confirmado el { $at }.
public-ack-explain = Pulse el botón una vez que haya ejecutado la solicitud. No se registra nada hasta que lo haga.
public-ack-button = Confirmo que se ha hecho
public-ack-action-erasure = Suprimir los datos del interesado (art. 17)
public-ack-action-rectification = Rectificar los datos del interesado (art. 16)
public-ack-action-restriction = Limitar el tratamiento (art. 18)
public-ack-action-restriction-lifted = Se levanta la limitación (art. 18, apartado 3)
public-ack-invalid-text = Compruebe que ha copiado el enlace completo del mensaje.
public-ack-expired-text = Pida al responsable del tratamiento una nueva solicitud.
public-ack-recorded-title = Confirmación registrada
public-ack-recorded-text = Gracias: el registro del responsable del tratamiento indica ahora que usted ha ejecutado la solicitud.
public-ack-already-title = Ya confirmado
public-ack-already-text = Esta solicitud ya se había confirmado.
