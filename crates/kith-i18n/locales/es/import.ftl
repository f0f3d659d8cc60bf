## Importación de contactos desde un archivo CSV: la subida, la página de
## una ejecución, sus avisos del art. 14.
import-title = Importar contactos
import-back = Volver al resumen de privacidad
import-intro = Un archivo CSV (UTF-8, con { $comma } o { $semicolon }) cuya primera línea nombra las columnas. Se reconocen las exportaciones de HubSpot, Salesforce, Zoho y Contactos de Google. Tras la subida, asigna las columnas, comprueba el archivo y luego lo importa: no se escribe nada hasta que importe. Cada contacto registra este archivo y su línea como origen. El archivo se conserva cifrado hasta que se importa, se descarta o cumple un día; al suprimir un contacto también se elimina. Archivos de más de 32 MiB: { $cli }.
import-file = Archivo CSV
import-upload = Subir y asignar las columnas
import-recent = Importaciones recientes
import-none = Todavía no hay importaciones.
import-col-uploaded = Subido
import-col-file = Archivo
import-col-state = Estado
import-send-again = Vuelva a enviar el formulario.
import-expired = El formulario ha caducado; vuelva a cargar la página.
import-too-large = La página admite archivos de hasta 32 MiB; importe los mayores con `kith import contacts`.

import-counts = { $created } creados, { $updated } actualizados, { $skipped } omitidos, { $rejected } rechazados
import-counts-dry = { $created } se crearían, { $updated } se actualizarían, { $skipped } omitidos, { $rejected } rechazados
import-state-check-running = Comprobación en curso
import-state-import-running = Importación en curso
import-state-interrupted = Interrumpida: hecha hasta la línea { $line }
import-state-uploaded = Subido: asigne las columnas y compruebe el archivo
import-state-checked = Comprobado: { $counts }
import-state-imported = Importado: { $counts }
import-state-failed = Detenida por un error
import-state-dropped = Eliminado: se suprimió un contacto después de subir este archivo, así que el archivo no se conservó donde una importación podría hacerlo volver. Súbalo de nuevo si todavía hay que importarlo.
import-state-discarded = Descartado

import-run-title = Importación de { $file }
import-all = Todas las importaciones
# same as English
import-size = { $size } KiB
import-facts = { $size }, subido el { $when }.
import-no-file = El archivo ya no se conserva.
import-checking = Comprobando
import-importing = Importando
import-progress = { $percent } % del archivo leído · { $counts }.
import-progress-line = { $percent } % del archivo leído · { $counts } · hecha hasta la línea { $line }.
import-refresh = Esta página se actualiza sola cada dos segundos. Puede salir de ella: la importación continúa.
import-interrupted = Interrumpida
import-stopped-check = La comprobación se detuvo: el servidor que la hacía se detuvo o se reinició. Compruebe el archivo de nuevo.
import-stopped-import = La importación se detuvo: el servidor que la hacía se detuvo o se reinició.
import-resume-help = Todas las líneas hasta la línea { $line } están hechas. Reanudar lee las líneas siguientes, con las mismas columnas y la misma base jurídica; una fila que coincide con un contacto que ya está en Kith (por ejemplo, uno que la pasada detenida había actualizado) lo actualiza de nuevo o se omite, y su consentimiento no se registra dos veces.
import-resume = Reanudar después de la línea { $line }
import-result-check = Comprobación: no se ha escrito nada
import-result-import = Importación
import-result = { $counts }.
import-result-line = { $counts }. Hecha hasta la línea { $line }.
import-claimed = Consentimiento declarado sin prueba — volver a preguntar: { $n }. No recibieron ninguna base jurídica para la finalidad; { $link } (con la etiqueta { $tag }) forman el segmento de una campaña de consentimiento.
import-claimed-dry = Consentimiento declarado sin prueba — volver a preguntar: { $n }. No recibirían ninguna base jurídica para la finalidad; { $link } (con la etiqueta { $tag }) forman el segmento de una campaña de consentimiento.
import-claimed-link = las personas a las que volver a preguntar
import-problems = Líneas actualizadas, omitidas o rechazadas
import-col-line = Línea
import-col-outcome = Resultado
import-col-why = Motivo
import-outcome-created = creado
import-outcome-would-create = se crearía
import-outcome-updated = actualizado
import-outcome-would-update = se actualizaría
import-outcome-skipped = omitido
import-outcome-rejected = rechazado
import-more-lines = Aquí solo se conservan las primeras líneas; la opción { $flag } de la línea de comandos lista todas las líneas.
import-columns = Columnas
import-columns-help = Cada columna va a un campo o se ignora. Los nombres reconocidos se eligen por usted. Los campos { $custom } son los campos personalizados que permite la política de campos; los campos { $consent } llevan la prueba del consentimiento importado.
import-col-column = Columna
import-col-field = Campo
import-field-for = Campo para { $column }
import-ignored = (ignorada)
import-basis-legend = Base jurídica para una finalidad (opcional)
import-purpose = Finalidad
import-no-purpose = Ninguna finalidad
import-basis = Base jurídica
import-basis-consent = Consentimiento
import-basis-contract = Contrato
import-basis-legal-obligation = Obligación legal
import-basis-vital-interests = Intereses vitales
import-basis-public-task = Misión de interés público
import-basis-legitimate-interests = Intereses legítimos
import-file-basis-legend = La columna de base jurídica del archivo (HubSpot, Zoho, Salesforce)
import-file-basis-help = Una columna asignada a { $column } da la base jurídica de cada persona para una finalidad: "Performance of a contract" es contrato, "Legitimate interest" son intereses legítimos (con la exportación citada como origen de la evaluación), "Not applicable" es ninguna. Un consentimiento declarado sin su prueba no se registra: esas personas se cuentan y se listan para volver a preguntarles. Los valores desconocidos hacen rechazar la fila.
import-basis-purpose = Finalidad de esa columna
import-consent-legend = Consentimiento (solo con la base jurídica consentimiento)
import-consent-help = El consentimiento solo se importa con su prueba: el aviso informativo que vieron las personas y, en el archivo, la hora original de cada persona ({ $at }) y el registro original ({ $evidence }). Las filas sin ellos se rechazan.
import-notice-seen = Aviso informativo que vieron las personas
import-channels = Canales consentidos (salvo que el archivo tenga una columna { $column }):
import-channel-email = Correo electrónico
import-channel-phone = Teléfono
# same as English
import-channel-sms = SMS
import-channel-post = Correo postal
import-act = Qué hicieron las personas para consentir (salvo que el archivo tenga una columna { $column })
import-check = Comprobar el archivo
import-import = Importar
import-discard = Descartar el archivo
import-columns-changed = Las columnas han cambiado desde que se cargó la página: vuelva a cargarla.
import-unknown-field = La columna "{ $column }" está asignada a un campo desconocido.
import-choose-purpose = Elija una finalidad de la lista.
import-choose-basis = Elija una base jurídica de la lista.
import-choose-notice = Elija un aviso informativo de la lista.
import-choose-channels = Elija canales de la lista.
import-gone = El archivo ya no se conserva: súbalo de nuevo.
import-choose-mode = Elija comprobar, importar o reanudar.

import-art14-title = Enviar el aviso del art. 14
import-art14-back = Volver a la importación de { $file }
import-art14-nothing = Todas las personas que creó esta importación han recibido el aviso (o se han suprimido desde entonces): no hay nada que enviar.
import-art14-summary = { $n ->
    [one] Esto pone en cola el aviso del art. 14 para { $count } persona creada por esta importación que aún no lo ha recibido: un correo por persona, en su idioma, que indica el responsable del tratamiento, los fines y sus bases jurídicas, el origen de los datos, los derechos del interesado con el enlace al portal y el derecho a presentar una reclamación ante la autoridad de control. Cada aviso se registra en el contacto; nadie lo recibe dos veces. Las personas sin dirección de correo se cuentan, no se les envía nada.
   *[other] Esto pone en cola el aviso del art. 14 para { $count } personas creadas por esta importación que aún no lo han recibido: un correo por persona, en su idioma, que indica el responsable del tratamiento, los fines y sus bases jurídicas, el origen de los datos, los derechos del interesado con el enlace al portal y el derecho a presentar una reclamación ante la autoridad de control. Cada aviso se registra en el contacto; nadie lo recibe dos veces. Las personas sin dirección de correo se cuentan, no se les envía nada.
}
import-art14-send = { $n ->
    [one] Enviar a { $n } persona
   *[other] Enviar a { $n } personas
}
import-art14-cancel = Cancelar
import-art14-panel = Aviso del art. 14
import-art14-why = Los datos de estas personas no se obtuvieron de ellas: se les informa, una vez, de quién los tiene, por qué, de dónde proceden y de sus derechos, en el plazo de un mes (art. 14, apartado 3, letra a)).
import-art14-send-run = { $n ->
    [one] Enviar el aviso del art. 14 a { $n } persona de esta ejecución que aún no lo ha recibido
   *[other] Enviar el aviso del art. 14 a las { $n } personas de esta ejecución que aún no lo han recibido
}
import-art14-all-had = Todas las personas que creó esta importación han recibido el aviso.
import-art14-queued = { $n ->
    [one] { $n } aviso en cola.
   *[other] { $n } avisos en cola.
}
import-art14-no-address = { $n ->
    [one] { $n } persona no tiene dirección de correo: no enviado.
   *[other] { $n } personas no tienen dirección de correo: no enviados.
}
import-art14-restricted = Limitados: { $n } (tratamiento limitado, art. 18): no enviados.
import-art14-days = Los días deben ser un número entero de 1 a 30: el aviso debe darse en el plazo de un mes (art. 14, apartado 3, letra a)).
