# same as English
errors-status = Error { $status }.
errors-back = Volver a los contactos
errors-nothing-here-title = No hay nada que mostrar aquí
errors-nothing-here-text = Esta dirección solo acepta un formulario enviado. Vuelva a empezar desde el menú.
errors-bad-form-title = No se ha podido leer el formulario
errors-bad-form-text = Vuelva atrás, recargue la página e inténtelo de nuevo.
errors-not-found-title = No encontrado
errors-not-found-text = No hay nada en esta dirección.
errors-no-such-record = No existe ningún elemento ({ $what }) con este identificador.
errors-internal-title = Algo ha ido mal
errors-internal-text = Algo ha ido mal por nuestra parte. No se ha modificado nada; inténtelo de nuevo. La cabecera X-Request-Id de esta página la identifica en el registro del servidor.
errors-sign-in-title = Inicie sesión
errors-sign-in-text = Su sesión ha finalizado.
errors-forbidden-title = No permitido
errors-forbidden-text = Su rol no permite esta acción ({ $what }).
errors-check-input-title = Revise los datos introducidos
errors-not-done-title = No se ha podido hacer
errors-restricted-title = Tratamiento limitado
errors-restricted-text = El tratamiento de este contacto está limitado (art. 18 del RGPD): sus datos se conservan, pero no se puede hacer nada más con ellos hasta que se levante la limitación.
errors-idempotency-text = Esta Idempotency-Key ya se utilizó con otra solicitud.
errors-too-many-title = Demasiados intentos
errors-try-again-seconds = Demasiados intentos fallidos. El inicio de sesión está en pausa; inténtelo de nuevo dentro de { $n ->
        [one] { $n } segundo
       *[other] { $n } segundos
    }.
errors-try-again-minutes = Demasiados intentos fallidos. El inicio de sesión está en pausa; inténtelo de nuevo dentro de { $n ->
        [one] { $n } minuto
       *[other] { $n } minutos
    }.
errors-busy-title = Servidor ocupado
errors-busy-text = El servidor está demasiado ocupado en este momento. Inténtelo de nuevo en unos instantes.

errors-nul-text = El texto no debe contener caracteres NUL.
errors-form-expired-title = El formulario ha caducado
errors-form-expired-text = Este formulario no se envió desde una página actual de Kith. Vuelva atrás, recargue la página e inténtelo de nuevo.
errors-bad-address-title = Esta dirección no es válida
errors-bad-address-text = La dirección contiene un valor que Kith no puede leer. Vuelva a empezar desde el menú.
errors-link-out-of-date = El enlace de esta página está desactualizado
