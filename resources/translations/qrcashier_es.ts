<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AdvancedPage</name>
    <message>
        <source>In-store orders v2 (recommended)</source>
        <translation>Órdenes presenciales v2 (recomendado)</translation>
    </message>
    <message>
        <source>Orders API (/v1/orders)</source>
        <translation>API de Órdenes (/v1/orders)</translation>
    </message>
    <message>
        <source>Legacy in-store v1</source>
        <translation>Presencial v1 (antigua)</translation>
    </message>
    <message>
        <source>The register&apos;s printed QR</source>
        <translation>El QR impreso de la caja</translation>
    </message>
    <message>
        <source>A new QR for each sale, on the customer screen</source>
        <translation>Un QR nuevo por venta, en la pantalla del cliente</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Ambos</translation>
    </message>
    <message>
        <source>202 Waiting for order (recommended)</source>
        <translation>202 Esperando la orden (recomendado)</translation>
    </message>
    <message>
        <source>400 unavailable (older docs)</source>
        <translation>400 no disponible (documentación anterior)</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>cualquier puerto libre</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>QR</source>
        <translation>QR</translation>
    </message>
    <message>
        <source>Self-service endpoint (the URL Mercado Pago calls)</source>
        <translation>Endpoint de autoservicio (la URL que llama Mercado Pago)</translation>
    </message>
    <message>
        <source>Answer while there is no order</source>
        <translation>Respuesta mientras no hay orden</translation>
    </message>
    <message>
        <source>Port on this computer</source>
        <translation>Puerto en esta computadora</translation>
    </message>
    <message>
        <source>e.g. CAJA2 (empty: a single register)</source>
        <translation>p. ej. CAJA2 (vacío: una sola caja)</translation>
    </message>
    <message>
        <source>e.g. http://192.168.0.10:8765 (empty: the built-in one)</source>
        <translation>p. ej. http://192.168.0.10:8765 (vacío: el incorporado)</translation>
    </message>
    <message>
        <source>Several registers</source>
        <translation>Varias cajas</translation>
    </message>
    <message>
        <source>This register</source>
        <translation>Esta caja</translation>
    </message>
    <message>
        <source>Shared sandbox (qrcashier-sandbox)</source>
        <translation>Sandbox compartido (qrcashier-sandbox)</translation>
    </message>
    <message>
        <source>Changes take effect the next time QR Cashier starts.</source>
        <translation>Los cambios se aplican la próxima vez que se inicie QR Cashier.</translation>
    </message>
</context>
<context>
    <name>AmountDialog</name>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Order cancelled on the QR</source>
        <translation>Orden cancelada en el QR</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <source>Review: marked paid</source>
        <translation>Revisión: marcada como pagada</translation>
    </message>
    <message>
        <source>Review: voided</source>
        <translation>Revisión: anulada</translation>
    </message>
    <message>
        <source>Sale discarded</source>
        <translation>Venta descartada</translation>
    </message>
    <message>
        <source>Access token replaced</source>
        <translation>Token de acceso reemplazado</translation>
    </message>
    <message>
        <source>Access token removed</source>
        <translation>Token de acceso eliminado</translation>
    </message>
    <message>
        <source>Supervisor PIN changed</source>
        <translation>PIN de supervisor cambiado</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Configuración modificada</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>%1 supervisor actions</source>
        <translation>%1 acciones de supervisor</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>Se exportaron %1 filas a %2</translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message>
        <source>Cancel the order on the QR</source>
        <translation>Cancelar la orden en el QR</translation>
    </message>
    <message>
        <source>Cancel the order on the QR?</source>
        <translation>¿Cancelar la orden en el QR?</translation>
    </message>
    <message>
        <source>Sale for &lt;b&gt;%1&lt;/b&gt;, on the QR until %2. If the customer has already paid, the sale completes as paid and you will see it here.</source>
        <translation>Venta por &lt;b&gt;%1&lt;/b&gt;, en el QR hasta las %2. Si el cliente ya pagó, la venta se completa como pagada y lo verá aquí.</translation>
    </message>
    <message>
        <source>Why? (required)</source>
        <translation>¿Por qué? (obligatorio)</translation>
    </message>
    <message>
        <source>The customer left</source>
        <translation>El cliente se fue</translation>
    </message>
    <message>
        <source>The customer pays another way</source>
        <translation>El cliente paga de otra forma</translation>
    </message>
    <message>
        <source>Wrong amount</source>
        <translation>Monto incorrecto</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Cancel the order…</source>
        <translation>Cancelar la orden…</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Mantenerla</translation>
    </message>
    <message>
        <source>Say why the order is cancelled: it goes in the audit log.</source>
        <translation>Indique por qué se cancela la orden: queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>cancel the order on the QR</source>
        <translation>cancelar la orden en el QR</translation>
    </message>
    <message>
        <source>Taking the order off the QR and checking for a last-second payment…</source>
        <translation>Quitando la orden del QR y verificando si hubo un pago de último momento…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The customer paid before the cancel: the sale is PAID (%1). Hand over the receipt.</source>
        <translation>El cliente pagó antes de la cancelación: la venta está PAGADA (%1). Entregue el comprobante.</translation>
    </message>
    <message>
        <source>The order was taken off the QR and nobody paid it. The sale is kept: charge it again or clear it.</source>
        <translation>La orden se quitó del QR y nadie la pagó. La venta se conserva: cóbrela de nuevo o vacíela.</translation>
    </message>
    <message>
        <source>The cancel is not confirmed yet; QR Cashier keeps trying.</source>
        <translation>La cancelación todavía no está confirmada; QR Cashier sigue intentándolo.</translation>
    </message>
    <message>
        <source>The order is %1.</source>
        <translation>La orden está en estado %1.</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <source>Due: %1</source>
        <translation>A pagar: %1</translation>
    </message>
    <message>
        <source>&amp;Point terminal %1 (Mercado Pago): the amount is sent to it</source>
        <translation>Terminal &amp;Point %1 (Mercado Pago): se le envía el importe</translation>
    </message>
    <message>
        <source>&amp;Point terminal: this register has none (Settings)</source>
        <translation>Terminal &amp;Point: esta caja no tiene (Configuración)</translation>
    </message>
    <message>
        <source>&amp;Other card terminal: type what its slip says</source>
        <translation>&amp;Otro posnet: escriba lo que dice el comprobante</translation>
    </message>
    <message>
        <source>Approval code (optional)</source>
        <translation>Código de autorización (opcional)</translation>
    </message>
    <message>
        <source>Last 4 digits (optional)</source>
        <translation>Últimos 4 dígitos (opcional)</translation>
    </message>
    <message>
        <source>Approval code</source>
        <translation>Código de autorización</translation>
    </message>
    <message>
        <source>Last 4 digits</source>
        <translation>Últimos 4 dígitos</translation>
    </message>
    <message>
        <source>Nothing is sent for another terminal: the sale is recorded as paid by card, and the drawer stays shut.</source>
        <translation>Con otro posnet no se envía nada: la venta queda registrada como pagada con tarjeta y el cajón no se abre.</translation>
    </message>
    <message>
        <source>Take the card</source>
        <translation>Cobrar con tarjeta</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Precio unit.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>the cart is locked while the customer pays: wait for the result, or cancel the charge (Esc) first</source>
        <translation>el carrito está bloqueado mientras el cliente paga: espere el resultado o cancele primero el cobro (Esc)</translation>
    </message>
    <message>
        <source>%1 — code %2</source>
        <translation>%1 — código %2</translation>
    </message>
    <message>
        <source>select a line to remove</source>
        <translation>seleccione una línea para quitar</translation>
    </message>
</context>
<context>
    <name>CashMoveDialog</name>
    <message>
        <source>Why (e.g. change from the bank, paid a supplier)</source>
        <translation>Por qué (p. ej. cambio del banco, pago a un proveedor)</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>Importe (%1)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Type the amount and the reason.</source>
        <translation>Escriba el importe y el motivo.</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Cash counted in the drawer</source>
        <translation>Efectivo contado en el cajón</translation>
    </message>
    <message>
        <source>Why the count differs</source>
        <translation>Por qué el conteo no coincide</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Contado</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Cerrar turno</translation>
    </message>
    <message>
        <source>Type the cash counted.</source>
        <translation>Escriba el efectivo contado.</translation>
    </message>
</context>
<context>
    <name>CustomerWindow</name>
    <message>
        <source>QR Cashier — Customer</source>
        <translation>QR Cashier — Cliente</translation>
    </message>
</context>
<context>
    <name>DenominationGrid</name>
    <message>
        <source>How many of %1</source>
        <translation>Cuántos de %1</translation>
    </message>
    <message>
        <source>Counted by denomination: %1</source>
        <translation>Contado por denominación: %1</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>static</source>
        <translation>estático</translation>
    </message>
    <message>
        <source>dynamic</source>
        <translation>dinámico</translation>
    </message>
    <message>
        <source>hybrid</source>
        <translation>híbrido</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Mercado Pago API</source>
        <translation>API de Mercado Pago</translation>
    </message>
    <message>
        <source>Token store</source>
        <translation>Almacén del token</translation>
    </message>
    <message>
        <source>Last contact with Mercado Pago</source>
        <translation>Último contacto con Mercado Pago</translation>
    </message>
    <message>
        <source>Pending attempts</source>
        <translation>Intentos pendientes</translation>
    </message>
    <message>
        <source>Sales journal</source>
        <translation>Registro de ventas</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>Copiar al portapapeles</translation>
    </message>
    <message>
        <source>Export support bundle…</source>
        <translation>Exportar paquete de soporte…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Attempts still live or waiting for a supervisor:</source>
        <translation>Intentos todavía activos o a la espera de un supervisor:</translation>
    </message>
    <message>
        <source>Sandbox (no real money)</source>
        <translation>Sandbox (sin dinero real)</translation>
    </message>
    <message>
        <source>Mercado Pago account</source>
        <translation>Cuenta de Mercado Pago</translation>
    </message>
    <message>
        <source>%1 (%2 QR)</source>
        <translation>%1 (QR %2)</translation>
    </message>
    <message>
        <source>No secure store: the token is not saved</source>
        <translation>Ningún almacén seguro: el token no se guarda</translation>
    </message>
    <message>
        <source>%1: not secure, the token is not saved</source>
        <translation>%1: no es seguro, el token no se guarda</translation>
    </message>
    <message>
        <source>Not yet since QR Cashier started</source>
        <translation>Ninguno desde que se inició QR Cashier</translation>
    </message>
    <message>
        <source>%1 (%2 s ago)</source>
        <translation>%1 (hace %2 s)</translation>
    </message>
    <message>
        <source>%1 live, %2 waiting for a supervisor</source>
        <translation>activos: %1 · esperando a un supervisor: %2</translation>
    </message>
    <message>
        <source>%1 (not created yet)</source>
        <translation>%1 (todavía no creado)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copiado al portapapeles.</translation>
    </message>
    <message>
        <source>Export support bundle</source>
        <translation>Exportar paquete de soporte</translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation>Archivos ZIP (*.zip)</translation>
    </message>
    <message>
        <source>Exporting the support bundle…</source>
        <translation>Exportando el paquete de soporte…</translation>
    </message>
    <message>
        <source>The support bundle was not saved: %1</source>
        <translation>El paquete de soporte no se guardó: %1</translation>
    </message>
    <message>
        <source>Support bundle saved to %1</source>
        <translation>Paquete de soporte guardado en %1</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <source>Percent (%)</source>
        <translation>Porcentaje (%)</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>Importe (%1)</translation>
    </message>
    <message>
        <source>The whole cart</source>
        <translation>Todo el carrito</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Mode: &lt;b&gt;sandbox&lt;/b&gt; (pretend payments, no account)</source>
        <translation>Modo: &lt;b&gt;sandbox&lt;/b&gt; (pagos simulados, sin cuenta)</translation>
    </message>
    <message>
        <source>&lt;b&gt;TEST account&lt;/b&gt;</source>
        <translation>&lt;b&gt;cuenta de PRUEBA&lt;/b&gt;</translation>
    </message>
    <message>
        <source>saved in %1</source>
        <translation>guardado en %1</translation>
    </message>
    <message>
        <source>kept for this session only</source>
        <translation>guardado solo para esta sesión</translation>
    </message>
    <message>
        <source>Mode: &lt;b&gt;my Mercado Pago account&lt;/b&gt;</source>
        <translation>Modo: &lt;b&gt;mi cuenta de Mercado Pago&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Token %1, %2.</source>
        <translation>Token %1, %2.</translation>
    </message>
    <message>
        <source>Store: &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>Sucursal: &lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>Register: &lt;b&gt;%1&lt;/b&gt; (%2, POS number %3, fixed amount)</source>
        <translation>Caja: &lt;b&gt;%1&lt;/b&gt; (%2, POS número %3, monto fijo)</translation>
    </message>
    <message>
        <source>Self-service: Mercado Pago asks &lt;b&gt;%1&lt;/b&gt; for each order</source>
        <translation>Autoservicio: Mercado Pago pide cada orden a &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Receipt printer: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Impresora de comprobantes: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>none (receipts on screen)</source>
        <translation>ninguna (comprobantes en pantalla)</translation>
    </message>
    <message>
        <source>Supervisor PIN: &lt;b&gt;set&lt;/b&gt;</source>
        <translation>PIN de supervisor: &lt;b&gt;configurado&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Supervisor PIN: &lt;b&gt;not set&lt;/b&gt;</source>
        <translation>PIN de supervisor: &lt;b&gt;sin configurar&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>EntryDialogs</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Search products</source>
        <translation>Buscar productos</translation>
    </message>
    <message>
        <source>Free item</source>
        <translation>Artículo libre</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>%1 is not a weight</source>
        <translation>%1 no es un peso</translation>
    </message>
    <message>
        <source>the weight must be greater than zero</source>
        <translation>el peso debe ser mayor que cero</translation>
    </message>
    <message>
        <source>the weight is above 999</source>
        <translation>el peso supera 999</translation>
    </message>
    <message>
        <source>weigh to the gram: at most 3 decimals</source>
        <translation>pese al gramo: como máximo 3 decimales</translation>
    </message>
</context>
<context>
    <name>FiscalPage</name>
    <message>
        <source>Homologation (ARCA&apos;s test servers)</source>
        <translation>Homologación (servidores de prueba de ARCA)</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Producción</translation>
    </message>
    <message>
        <source>Issue an ARCA invoice for every sale</source>
        <translation>Emitir una factura de ARCA por cada venta</translation>
    </message>
    <message>
        <source>e.g. 20-11111111-2</source>
        <translation>p. ej. 20-11111111-2</translation>
    </message>
    <message>
        <source>Choose the certificate (.crt, .pem)</source>
        <translation>Elegí el certificado (.crt, .pem)</translation>
    </message>
    <message>
        <source>Choose the private key (.key, .pem)</source>
        <translation>Elegí la clave privada (.key, .pem)</translation>
    </message>
    <message>
        <source>only if the key has one; kept in the keyring</source>
        <translation>solo si la clave tiene; se guarda en el llavero del sistema</translation>
    </message>
    <message>
        <source>Registered for VAT: Responsable Inscripto (Factura B)</source>
        <translation>Responsable Inscripto (Factura B)</translation>
    </message>
    <message>
        <source>Simplified regime: Monotributo (Factura C)</source>
        <translation>Monotributo (Factura C)</translation>
    </message>
    <message>
        <source>CUIT (tax id)</source>
        <translation>CUIT</translation>
    </message>
    <message>
        <source>Point of sale (punto de venta)</source>
        <translation>Punto de venta</translation>
    </message>
    <message>
        <source>IVA condition</source>
        <translation>Condición frente al IVA</translation>
    </message>
    <message>
        <source>ARCA environment</source>
        <translation>Entorno de ARCA</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Clave privada</translation>
    </message>
    <message>
        <source>Key password</source>
        <translation>Contraseña de la clave</translation>
    </message>
    <message>
        <source>Test with ARCA</source>
        <translation>Probar con ARCA</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Certificates and keys (*.crt *.pem *.key *.der *.cer)</source>
        <translation>Certificados y claves (*.crt *.pem *.key *.der *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Sandbox: the invoices go to the built-in ARCA simulator; no certificate is needed. Changes take effect the next time QR Cashier starts.</source>
        <translation>Sandbox: las facturas van al simulador de ARCA incluido; no hace falta certificado. Los cambios se aplican la próxima vez que se inicie QR Cashier.</translation>
    </message>
    <message>
        <source>Changes take effect the next time QR Cashier starts.</source>
        <translation>Los cambios se aplican la próxima vez que se inicie QR Cashier.</translation>
    </message>
    <message>
        <source>Asking ARCA…</source>
        <translation>Consultando a ARCA…</translation>
    </message>
    <message>
        <source>This computer has no secure password store, so the key&apos;s password cannot be kept: use a key without a password, or start one.</source>
        <translation>Esta computadora no tiene un almacén seguro de contraseñas, así que la contraseña de la clave no se puede guardar: usá una clave sin contraseña o iniciá uno.</translation>
    </message>
</context>
<context>
    <name>FiscalStatus</name>
    <message>
        <source>ARCA: invoices are not being issued — %1</source>
        <translation>ARCA: no se están emitiendo facturas — %1</translation>
    </message>
    <message>
        <source>(1 sale waits for its invoice)</source>
        <translation>(1 venta espera su factura)</translation>
    </message>
    <message>
        <source>(%1 sales wait for their invoice)</source>
        <translation>(%1 ventas esperan su factura)</translation>
    </message>
    <message>
        <source>Keep selling: every sale is kept and gets its invoice, in order, as soon as the electronic invoice runs. A supervisor fixes it in Settings (ARCA page); it starts with QR Cashier&apos;s next start.</source>
        <translation>Siga vendiendo: cada venta queda guardada y recibe su factura, en orden, apenas funcione la factura electrónica. Un supervisor la corrige en Configuración (página ARCA); arranca la próxima vez que se inicie QR Cashier.</translation>
    </message>
    <message>
        <source>ARCA: 1 invoice rejected</source>
        <translation>ARCA: 1 factura rechazada</translation>
    </message>
    <message>
        <source>ARCA: %1 invoices rejected</source>
        <translation>ARCA: %1 facturas rechazadas</translation>
    </message>
    <message>
        <source>ARCA refused the data of these invoices: call a supervisor to correct the setup and issue them again.</source>
        <translation>ARCA rechazó los datos de estas facturas: llamá a un supervisor para corregir la configuración y volver a emitirlas.</translation>
    </message>
    <message>
        <source>ARCA: 1 invoice pending</source>
        <translation>ARCA: 1 factura pendiente</translation>
    </message>
    <message>
        <source>ARCA: %1 invoices pending</source>
        <translation>ARCA: %1 facturas pendientes</translation>
    </message>
    <message>
        <source>They are sent by themselves as soon as ARCA answers: keep selling. If this lasts, check the internet connection and the ARCA certificate.</source>
        <translation>Se envían solas apenas ARCA responda: seguí vendiendo. Si sigue así, revisá la conexión a internet y el certificado de ARCA.</translation>
    </message>
    <message>
        <source>ARCA: every sale invoiced</source>
        <translation>ARCA: todas las ventas facturadas</translation>
    </message>
    <message>
        <source>%1 invoices authorized</source>
        <translation>%1 facturas autorizadas</translation>
    </message>
</context>
<context>
    <name>FreeItemDialog</name>
    <message>
        <source>What is it?</source>
        <translation>¿Qué es?</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Price (%1)</source>
        <translation>Precio (%1)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Agregar artículo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The cart is locked while the customer pays (Esc cancels the charge).</source>
        <translation>El carrito está bloqueado mientras el cliente paga (Esc cancela el cobro).</translation>
    </message>
    <message>
        <source>QR Cashier — %1 — %2</source>
        <translation>QR Cashier — %1 — %2</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>PRUEBA</translation>
    </message>
    <message>
        <source>Mercado Pago: connecting…</source>
        <translation>Mercado Pago: conectando…</translation>
    </message>
    <message>
        <source>Print QR sticker</source>
        <translation>Imprimir adhesivo QR</translation>
    </message>
    <message>
        <source>The register&apos;s QR, to stick on the counter: to the printer, or a PDF</source>
        <translation>El QR de la caja, para pegar en el mostrador: a la impresora o a un PDF</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>Importar productos</translation>
    </message>
    <message>
        <source>Add or update products from a CSV file (code, barcode, name, price, unit)</source>
        <translation>Agregar o actualizar productos desde un archivo CSV (código, código de barras, nombre, precio, unidad)</translation>
    </message>
    <message>
        <source>Scan a barcode, or type a code or part of a name, then Enter</source>
        <translation>Escanee o escriba un código o parte del nombre y Enter</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>Charge with QR</source>
        <translation>Cobrar con QR</translation>
    </message>
    <message>
        <source>Cancel charge</source>
        <translation>Cancelar cobro</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Free item</source>
        <translation>Artículo libre</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Quitar línea</translation>
    </message>
    <message>
        <source>Del</source>
        <comment>the Delete key</comment>
        <translation>Supr</translation>
    </message>
    <message>
        <source>Clear cart</source>
        <translation>Vaciar carrito</translation>
    </message>
    <message>
        <source>Sales of the day</source>
        <translation>Ventas del día</translation>
    </message>
    <message>
        <source>QR Cashier tries again every %1 seconds; you can already scan items.</source>
        <translation>QR Cashier vuelve a intentar cada %1 segundos; ya puede escanear artículos.</translation>
    </message>
    <message>
        <source>No product with barcode or code %1. Press F4 to sell it as a free item, or F2 to search.</source>
        <translation>No hay ningún producto con el código de barras o código %1. Presione F4 para venderlo como artículo libre o F2 para buscar.</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>%1: %2 per %3. Weight in %3:</source>
        <translation>%1: %2 por %3. Peso en %3:</translation>
    </message>
    <message>
        <source>Added %1 × %2 — %3</source>
        <translation>Agregado: %1 × %2 — %3</translation>
    </message>
    <message>
        <source>The cart is locked while the customer pays: wait for the result, or press Esc to cancel the charge.</source>
        <translation>El carrito está bloqueado mientras el cliente paga: espere el resultado o presione Esc para cancelar el cobro.</translation>
    </message>
    <message>
        <source>The quantity is already 1: press Del to remove the line.</source>
        <translation>La cantidad ya es 1: presione Supr para quitar la línea.</translation>
    </message>
    <message>
        <source>This sale is paid. Scan the next item to start a new sale.</source>
        <translation>Esta venta está pagada. Escanee el próximo artículo para empezar una venta nueva.</translation>
    </message>
    <message>
        <source>The cart is locked while the customer pays.</source>
        <translation>El carrito está bloqueado mientras el cliente paga.</translation>
    </message>
    <message>
        <source>Add an item first.</source>
        <translation>Primero agregue un artículo.</translation>
    </message>
    <message>
        <source>Quantity of %1</source>
        <translation>Cantidad de %1</translation>
    </message>
    <message>
        <source>New unit price of %1:</source>
        <translation>Nuevo precio unitario de %1:</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>El carrito está vacío.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>Se quitó %1.</translation>
    </message>
    <message>
        <source>The cart is empty. Scan the next item.</source>
        <translation>El carrito está vacío. Escanee el próximo artículo.</translation>
    </message>
    <message>
        <source>Cancel the charge?</source>
        <translation>¿Cancelar el cobro?</translation>
    </message>
    <message>
        <source>Remove the order from the QR? If the customer already paid, the sale still completes as paid.</source>
        <translation>¿Quitar la orden del QR? Si el cliente ya pagó, la venta igual se completa como pagada.</translation>
    </message>
    <message>
        <source>Clear the cart?</source>
        <translation>¿Vaciar el carrito?</translation>
    </message>
    <message>
        <source>Remove all %1 lines (%2)?</source>
        <translation>¿Quitar las %1 líneas (%2)?</translation>
    </message>
    <message>
        <source>Sales of the day are available once QR Cashier is connected.</source>
        <translation>Las ventas del día están disponibles cuando QR Cashier se conecta.</translation>
    </message>
    <message>
        <source>Restart QR Cashier</source>
        <translation>Reiniciar QR Cashier</translation>
    </message>
    <message>
        <source>The new access token belongs to another Mercado Pago account. Close and start QR Cashier again to charge with that account&apos;s store and register.</source>
        <translation>El nuevo token de acceso pertenece a otra cuenta de Mercado Pago. Cierre QR Cashier y vuelva a iniciarlo para cobrar con la sucursal y la caja de esa cuenta.</translation>
    </message>
    <message>
        <source>Settings are available once QR Cashier is connected.</source>
        <translation>La configuración está disponible cuando QR Cashier se conecta.</translation>
    </message>
    <message>
        <source>The cart is empty: scan or add an item first.</source>
        <translation>El carrito está vacío: primero escanee o agregue un artículo.</translation>
    </message>
    <message>
        <source>Fix the cart and press Charge (F12) again.</source>
        <translation>Corrija el carrito y presione Cobrar (F12) de nuevo.</translation>
    </message>
    <message>
        <source>Paid %1 with Mercado Pago.</source>
        <translation>Se pagaron %1 con Mercado Pago.</translation>
    </message>
    <message>
        <source>Sale %1</source>
        <translation>Venta %1</translation>
    </message>
    <message>
        <source>charge %1</source>
        <translation>cobro %1</translation>
    </message>
    <message>
        <source>on the QR until %1</source>
        <translation>en el QR hasta las %1</translation>
    </message>
    <message>
        <source>payment %1</source>
        <translation>pago %1</translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>orden %1</translation>
    </message>
    <message>
        <source>Paid %1 in cash. Change: %2</source>
        <translation>Pagado %1 en efectivo. Vuelto: %2</translation>
    </message>
    <message>
        <source>Change: %1</source>
        <translation>Vuelto: %1</translation>
    </message>
    <message>
        <source>An earlier sale needs a supervisor&apos;s review: %1</source>
        <translation>Una venta anterior necesita la revisión de un supervisor: %1</translation>
    </message>
    <message>
        <source>The receipt did not print: %1</source>
        <translation>El comprobante no se imprimió: %1</translation>
    </message>
    <message>
        <source>The receipt was printed: hand it over.</source>
        <translation>El comprobante se imprimió: entréguelo.</translation>
    </message>
    <message>
        <source>The receipt is on screen (no printer set): print it with Ctrl+P or save a PDF.</source>
        <translation>El comprobante está en pantalla (no hay impresora configurada): imprímalo con Ctrl+P o guárdelo como PDF.</translation>
    </message>
    <message>
        <source>Scan the next item to start a new sale.</source>
        <translation>Escanee el próximo artículo para empezar una venta nueva.</translation>
    </message>
    <message>
        <source>Import products from a CSV file</source>
        <translation>Importar productos desde un archivo CSV</translation>
    </message>
    <message>
        <source>Importing products from %1…</source>
        <translation>Importando productos desde %1…</translation>
    </message>
    <message>
        <source>Products imported</source>
        <translation>Productos importados</translation>
    </message>
    <message>
        <source>Products import report</source>
        <translation>Informe de la importación de productos</translation>
    </message>
    <message>
        <source>Show details for each rejected row: fix them in the file and import it again.</source>
        <translation>Vea los detalles de cada fila rechazada: corríjalas en el archivo e impórtelo de nuevo.</translation>
    </message>
    <message>
        <source>line %1: %2 — %3</source>
        <translation>línea %1: %2 — %3</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… y %1 más</translation>
    </message>
    <message>
        <source>The register&apos;s QR is not known yet: wait until QR Cashier is connected.</source>
        <translation>Todavía no se conoce el QR de la caja: espere a que QR Cashier se conecte.</translation>
    </message>
    <message>
        <source>The sticker did not print: %1</source>
        <translation>El adhesivo no se imprimió: %1</translation>
    </message>
    <message>
        <source>QR sticker sent to %1.</source>
        <translation>Adhesivo QR enviado a %1.</translation>
    </message>
    <message>
        <source>The sticker was not saved: %1</source>
        <translation>El adhesivo no se guardó: %1</translation>
    </message>
    <message>
        <source>QR sticker saved to %1.</source>
        <translation>Adhesivo QR guardado en %1.</translation>
    </message>
    <message>
        <source>Save the QR sticker as PDF</source>
        <translation>Guardar el adhesivo QR como PDF</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 artículo</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 artículos</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 línea</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 líneas</translation>
    </message>
    <message>
        <source>Empty cart</source>
        <translation>Carrito vacío</translation>
    </message>
    <message>
        <source>Mercado Pago: not answering, retrying</source>
        <translation>Mercado Pago: no responde, reintentando</translation>
    </message>
    <message>
        <source>Mercado Pago: connected (last answer %1)</source>
        <translation>Mercado Pago: conectado (última respuesta %1)</translation>
    </message>
    <message>
        <source>Mercado Pago: last answer at %1</source>
        <translation>Mercado Pago: última respuesta a las %1</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <source>Try it with the sandbox</source>
        <translation>Probarlo con el sandbox</translation>
    </message>
    <message>
        <source>No account needed. A built-in copy of Mercado Pago answers; payments are pretend and made from a phone page on this computer.</source>
        <translation>No necesita cuenta. Responde una copia integrada de Mercado Pago; los pagos son simulados y se hacen desde una página de teléfono en esta computadora.</translation>
    </message>
    <message>
        <source>Connect my Mercado Pago account</source>
        <translation>Conectar mi cuenta de Mercado Pago</translation>
    </message>
    <message>
        <source>Take real payments. You will paste the account&apos;s access token, then choose the store and register.</source>
        <translation>Cobre pagos reales. Va a pegar el token de acceso de la cuenta y después elegir la sucursal y la caja.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Park the sale</source>
        <translation>Dejar la venta en espera</translation>
    </message>
    <message>
        <source>Note (optional), e.g. the customer&apos;s name</source>
        <translation>Nota (opcional), p. ej. el nombre del cliente</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Cash in the drawer (the float)</source>
        <translation>Efectivo en el cajón (el fondo de caja)</translation>
    </message>
    <message>
        <source>Float (%1)</source>
        <translation>Fondo de caja (%1)</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Abrir turno</translation>
    </message>
</context>
<context>
    <name>ParkedListDialog</name>
    <message>
        <source>Parked sales</source>
        <translation>Ventas en espera</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Descartar…</translation>
    </message>
    <message>
        <source>Enter resumes the selected sale.</source>
        <translation>Enter retoma la venta seleccionada.</translation>
    </message>
    <message>
        <source>No parked sales.</source>
        <translation>No hay ventas en espera.</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>new PIN</source>
        <translation>PIN nuevo</translation>
    </message>
    <message>
        <source>the same PIN again</source>
        <translation>el mismo PIN otra vez</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>A PIN is set. Leave these empty to keep it.</source>
        <translation>Ya hay un PIN configurado. Deje estos campos vacíos para conservarlo.</translation>
    </message>
    <message>
        <source>Protecting the PIN…</source>
        <translation>Protegiendo el PIN…</translation>
    </message>
    <message>
        <source>PIN ready.</source>
        <translation>PIN listo.</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <source>Supervisor PIN</source>
        <translation>PIN de supervisor</translation>
    </message>
    <message>
        <source>Supervisor: %1</source>
        <translation>Supervisor: %1</translation>
    </message>
    <message>
        <source>No supervisor PIN is set yet: choose one now (4 to 12 digits). It is asked for every supervisor action from now on.</source>
        <translation>Todavía no hay un PIN de supervisor: elija uno ahora (de 4 a 12 dígitos). Desde ahora se pide para cada acción de supervisor.</translation>
    </message>
    <message>
        <source>The PIN is asked for each supervisor action and is not remembered.</source>
        <translation>El PIN se pide en cada acción de supervisor y no se recuerda.</translation>
    </message>
    <message>
        <source>Supervisor&apos;s name</source>
        <translation>Nombre del supervisor</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>the same PIN again</source>
        <translation>el mismo PIN otra vez</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Guardar el PIN</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Enter the PIN again.</source>
        <translation>Ingrese el PIN otra vez.</translation>
    </message>
    <message>
        <source>Type the supervisor&apos;s name: it goes in the audit log.</source>
        <translation>Escriba el nombre del supervisor: queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
</context>
<context>
    <name>PointBinder</name>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>The cart is empty: scan or add an item first.</source>
        <translation>El carrito está vacío: primero escanee o agregue un artículo.</translation>
    </message>
    <message>
        <source>Paid %1 by card (other terminal).</source>
        <translation>Pagado %1 con tarjeta (otro posnet).</translation>
    </message>
    <message>
        <source>Sending the amount to the terminal…</source>
        <translation>Enviando el importe a la terminal…</translation>
    </message>
    <message>
        <source>The amount is on the terminal: the customer taps, inserts or swipes the card there.</source>
        <translation>El importe está en la terminal: el cliente acerca, inserta o desliza la tarjeta ahí.</translation>
    </message>
    <message>
        <source>Sale %1 · on terminal %2 until %3</source>
        <translation>Venta %1 · en la terminal %2 hasta las %3</translation>
    </message>
    <message>
        <source>Present your card on terminal %1</source>
        <translation>Acerque o inserte su tarjeta en la terminal %1</translation>
    </message>
</context>
<context>
    <name>PointDialogs</name>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
</context>
<context>
    <name>PointPanel</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancelar (Esc)</translation>
    </message>
    <message>
        <source>Present the card on terminal %1</source>
        <translation>Pase la tarjeta en la terminal %1</translation>
    </message>
    <message>
        <source>Sandbox terminal page</source>
        <translation>Página de la terminal (sandbox)</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>escpos+tcp://HOST[:PORT], escpos+usb://VID:PID, escpos+serial://DEVICE?baudrate=N, escpos+file://PATH, system:NAME or pdf:PATH</source>
        <translation>escpos+tcp://EQUIPO[:PUERTO], escpos+usb://VID:PID, escpos+serial://DISPOSITIVO?baudrate=N, escpos+file://RUTA, system:NOMBRE o pdf:RUTA</translation>
    </message>
    <message>
        <source>Generic ESC/POS (default)</source>
        <translation>ESC/POS genérica (predeterminada)</translation>
    </message>
    <message>
        <source>Pin %1</source>
        <translation>Contacto %1</translation>
    </message>
    <message>
        <source>Show the VAT contained, by rate</source>
        <translation>Mostrar el IVA contenido, por alícuota</translation>
    </message>
    <message>
        <source>Print the Ley 27.743 legend (Argentina)</source>
        <translation>Imprimir la leyenda de la Ley 27.743 (Argentina)</translation>
    </message>
    <message>
        <source>Print test page</source>
        <translation>Imprimir página de prueba</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Impresora de comprobantes</translation>
    </message>
    <message>
        <source>Printer URL</source>
        <translation>URL de la impresora</translation>
    </message>
    <message>
        <source>Printer model</source>
        <translation>Modelo de impresora</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Ancho del papel</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Cajón de dinero</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Comprobantes</translation>
    </message>
    <message>
        <source>The cashier&apos;s window follows this language; the customer&apos;s screen and the receipts follow the site of the Mercado Pago account (Spanish or Portuguese).</source>
        <translation>La ventana del cajero usa este idioma; la pantalla del cliente y los comprobantes usan el del país de la cuenta de Mercado Pago (español o portugués).</translation>
    </message>
    <message>
        <source>No printer: show receipts on screen</source>
        <translation>Sin impresora: mostrar los comprobantes en pantalla</translation>
    </message>
    <message>
        <source>Receipt printer (ESC/POS) or PDF: type its URL</source>
        <translation>Impresora de tickets (ESC/POS) o PDF: escriba su URL</translation>
    </message>
    <message>
        <source>%1 (not found on this computer)</source>
        <translation>%1 (no se encuentra en esta computadora)</translation>
    </message>
    <message>
        <source>No printer is installed on this computer yet; you can choose one later in Settings.</source>
        <translation>Todavía no hay ninguna impresora instalada en esta computadora; puede elegir una más tarde en Configuración.</translation>
    </message>
    <message>
        <source>Type the printer&apos;s URL, e.g. escpos+tcp://192.168.0.50:9100.</source>
        <translation>Escriba la URL de la impresora, p. ej. escpos+tcp://192.168.0.50:9100.</translation>
    </message>
    <message>
        <source>Printing a test page…</source>
        <translation>Imprimiendo una página de prueba…</translation>
    </message>
    <message>
        <source>The printer did not answer within %1 seconds: check that it is on and connected.</source>
        <translation>La impresora no respondió en %1 segundos: verifique que esté encendida y conectada.</translation>
    </message>
    <message>
        <source>The test page did not print: %1</source>
        <translation>La página de prueba no se imprimió: %1</translation>
    </message>
    <message>
        <source>The printer at %1 is offline: check that it is on and connected, then try again.</source>
        <translation>La impresora en %1 no responde: verifique que esté encendida y conectada y vuelva a intentar.</translation>
    </message>
    <message>
        <source>The printer at %1 is out of paper.</source>
        <translation>La impresora en %1 no tiene papel.</translation>
    </message>
    <message>
        <source>The printer at %1 refused the page.</source>
        <translation>La impresora en %1 rechazó la página.</translation>
    </message>
    <message>
        <source>The printer at %1 did not take the page in time.</source>
        <translation>La impresora en %1 no recibió la página a tiempo.</translation>
    </message>
    <message>
        <source>Test page sent to %1: check the accents (ñ á é ç ã) and that the ruler fills one line.</source>
        <translation>Página de prueba enviada a %1: revise los acentos (ñ á é ç ã) y que la regla ocupe una línea.</translation>
    </message>
</context>
<context>
    <name>PrinterStatus</name>
    <message>
        <source>1 receipt</source>
        <translation>1 comprobante</translation>
    </message>
    <message>
        <source>%1 receipts</source>
        <translation>%1 comprobantes</translation>
    </message>
    <message>
        <source>1 print job</source>
        <translation>1 impresión</translation>
    </message>
    <message>
        <source>%1 print jobs</source>
        <translation>%1 impresiones</translation>
    </message>
    <message>
        <source>Printer paper running low: change the roll soon</source>
        <translation>Queda poco papel en la impresora: cambie el rollo pronto</translation>
    </message>
    <message>
        <source>Printing: %1 waiting (paper running low)</source>
        <translation>Imprimiendo: %1 en espera (queda poco papel)</translation>
    </message>
    <message>
        <source>Printer out of paper: %1 waiting</source>
        <translation>Impresora sin papel: %1 en espera</translation>
    </message>
    <message>
        <source>The printer refused the job: %1 waiting</source>
        <translation>La impresora rechazó la impresión: %1 en espera</translation>
    </message>
    <message>
        <source>Printer offline: %1 waiting</source>
        <translation>Impresora desconectada: %1 en espera</translation>
    </message>
    <message>
        <source>Printing: %1 waiting</source>
        <translation>Imprimiendo: %1 en espera</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>%1 is an ESC/POS printer: receipts reach it through the print queue (reprint for a copy).</source>
        <translation>%1 es una impresora ESC/POS: los comprobantes le llegan por la cola de impresión (reimprima para una copia).</translation>
    </message>
    <message>
        <source>No printer is installed. Install one, or save the receipt as PDF.</source>
        <translation>No hay ninguna impresora instalada. Instale una o guarde el comprobante como PDF.</translation>
    </message>
    <message>
        <source>No default printer is set. Choose one of: %1.</source>
        <translation>No hay una impresora predeterminada. Elija una de estas: %1.</translation>
    </message>
    <message>
        <source>Printer %1 was not found. Available: %2.</source>
        <translation>No se encontró la impresora %1. Disponibles: %2.</translation>
    </message>
    <message>
        <source>Printer %1 cannot be used.</source>
        <translation>No se puede usar la impresora %1.</translation>
    </message>
    <message>
        <source>Cannot save the PDF: folder %1 does not exist.</source>
        <translation>No se puede guardar el PDF: la carpeta %1 no existe.</translation>
    </message>
    <message>
        <source>Could not start printing to %1.</source>
        <translation>No se pudo empezar a imprimir en %1.</translation>
    </message>
</context>
<context>
    <name>QrView</name>
    <message>
        <source>No QR configured</source>
        <translation>Sin QR configurado</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <source>Set quantity</source>
        <translation>Cambiar cantidad</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Receipt %1 #%2</source>
        <translation>Comprobante %1 n.º %2</translation>
    </message>
    <message>
        <source>%1 — copy</source>
        <translation>%1 — copia</translation>
    </message>
    <message>
        <source>Sent to printer %1</source>
        <translation>Enviado a la impresora %1</translation>
    </message>
    <message>
        <source>Sending a copy to the printer…</source>
        <translation>Enviando una copia a la impresora…</translation>
    </message>
    <message>
        <source>The copy did not reach the print queue: %1</source>
        <translation>La copia no llegó a la cola de impresión: %1</translation>
    </message>
    <message>
        <source>A copy (COPY) is in the print queue for %1.</source>
        <translation>Una copia (COPIA) está en la cola de impresión de %1.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Guardado en %1</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Guardar el comprobante como PDF</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund</source>
        <translation>Devolver</translation>
    </message>
    <message>
        <source>Refund a payment</source>
        <translation>Devolver un pago</translation>
    </message>
    <message>
        <source>Everything that is left</source>
        <translation>Todo lo que queda</translation>
    </message>
    <message>
        <source>Part of it:</source>
        <translation>Una parte:</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>monto</translation>
    </message>
    <message>
        <source>Why? (required)</source>
        <translation>¿Por qué? (obligatorio)</translation>
    </message>
    <message>
        <source>Returned goods</source>
        <translation>Devolvió la mercadería</translation>
    </message>
    <message>
        <source>Charged twice</source>
        <translation>Cobrado dos veces</translation>
    </message>
    <message>
        <source>Wrong amount charged</source>
        <translation>Se cobró un monto incorrecto</translation>
    </message>
    <message>
        <source>Customer complaint</source>
        <translation>Reclamo del cliente</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Devolver…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Reading the sale&apos;s payments…</source>
        <translation>Leyendo los pagos de la venta…</translation>
    </message>
    <message>
        <source>This sale has no approved Mercado Pago payment to refund.</source>
        <translation>Esta venta no tiene ningún pago aprobado de Mercado Pago para devolver.</translation>
    </message>
    <message>
        <source>There is no payment to refund.</source>
        <translation>No hay ningún pago para devolver.</translation>
    </message>
    <message>
        <source>This payment is already refunded in full.</source>
        <translation>Este pago ya se devolvió por completo.</translation>
    </message>
    <message>
        <source>%1 is more than what is left to refund: at most %2.</source>
        <translation>%1 es más de lo que queda por devolver: como máximo %2.</translation>
    </message>
    <message>
        <source>Paid &lt;b&gt;%1&lt;/b&gt; · refunded or in progress %2 · left to refund &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Pagado &lt;b&gt;%1&lt;/b&gt; · devuelto o en curso %2 · queda por devolver &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Everything that is left (%1)</source>
        <translation>Todo lo que queda (%1)</translation>
    </message>
    <message>
        <source>Say why: the reason goes in the audit log.</source>
        <translation>Indique el motivo: queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>refund %1</source>
        <translation>devolver %1</translation>
    </message>
    <message>
        <source>Asking Mercado Pago to refund %1…</source>
        <translation>Pidiendo a Mercado Pago que devuelva %1…</translation>
    </message>
    <message>
        <source>Refunded %1 to the customer&apos;s Mercado Pago account.</source>
        <translation>Se devolvieron %1 a la cuenta de Mercado Pago del cliente.</translation>
    </message>
</context>
<context>
    <name>RefundSlip</name>
    <message>
        <source>The refund slip did not print: %1</source>
        <translation>El comprobante de devolución no se imprimió: %1</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>X report, shift %1 (open)</source>
        <translation>Informe X, turno %1 (abierto)</translation>
    </message>
    <message>
        <source>Z report, shift %1</source>
        <translation>Informe Z, turno %1</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>Save as CSV</source>
        <translation>Guardar como CSV</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Sales by hour</source>
        <translation>Ventas por hora</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>No se pudo guardar %1: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado en %1</translation>
    </message>
    <message>
        <source>Sent to the printer</source>
        <translation>Enviado a la impresora</translation>
    </message>
    <message>
        <source>Could not start printing to %1.</source>
        <translation>No se pudo empezar a imprimir en %1.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return by line</source>
        <translation>Devolución por línea</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Devolver</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>ReturnSlip</name>
    <message>
        <source>The return slip did not print: %1</source>
        <translation>El comprobante de devolución no se imprimió: %1</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Sale to review</source>
        <translation>Venta para revisar</translation>
    </message>
    <message>
        <source>What Mercado Pago says now</source>
        <translation>Lo que dice Mercado Pago ahora</translation>
    </message>
    <message>
        <source>Why? (required)</source>
        <translation>¿Por qué? (obligatorio)</translation>
    </message>
    <message>
        <source>Checked in the Mercado Pago app: paid</source>
        <translation>Verificado en la app de Mercado Pago: pagado</translation>
    </message>
    <message>
        <source>Checked: not paid</source>
        <translation>Verificado: no pagado</translation>
    </message>
    <message>
        <source>Customer paid another way</source>
        <translation>El cliente pagó de otra forma</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Ask again (F5)</source>
        <translation>Consultar de nuevo (F5)</translation>
    </message>
    <message>
        <source>Mark paid…</source>
        <translation>Marcar como pagada…</translation>
    </message>
    <message>
        <source>Void: not paid…</source>
        <translation>Anular: no pagada…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Sale of %1 to review</source>
        <translation>Venta de %1 para revisar</translation>
    </message>
    <message>
        <source>The outcome of this sale could not be learnt.</source>
        <translation>No se pudo saber cómo terminó esta venta.</translation>
    </message>
    <message>
        <source>Since %1: %2</source>
        <translation>Desde %1: %2</translation>
    </message>
    <message>
        <source>This sale is %1: there is nothing to resolve.</source>
        <translation>Esta venta está en estado %1: no hay nada que resolver.</translation>
    </message>
    <message>
        <source>Asking Mercado Pago about this sale…</source>
        <translation>Consultando a Mercado Pago por esta venta…</translation>
    </message>
    <message>
        <source>&lt;b&gt;No answer:&lt;/b&gt; %1&lt;br&gt;You can still decide; if Mercado Pago shows it paid when you resolve it, it is marked paid whatever you choose.</source>
        <translation>&lt;b&gt;Sin respuesta:&lt;/b&gt; %1&lt;br&gt;Igual puede decidir; si Mercado Pago la muestra pagada al resolverla, se marca como pagada elija lo que elija.</translation>
    </message>
    <message>
        <source>(asked at %1)</source>
        <translation>(consultado a las %1)</translation>
    </message>
    <message>
        <source>Approved: &lt;b&gt;%1&lt;/b&gt; of %2</source>
        <translation>Aprobado: &lt;b&gt;%1&lt;/b&gt; de %2</translation>
    </message>
    <message>
        <source>Payment %1: %2 · %3</source>
        <translation>Pago %1: %2 · %3</translation>
    </message>
    <message>
        <source>Mercado Pago orders: %1</source>
        <translation>Órdenes de Mercado Pago: %1</translation>
    </message>
    <message>
        <source>Mercado Pago has no order for this sale.</source>
        <translation>Mercado Pago no tiene ninguna orden para esta venta.</translation>
    </message>
    <message>
        <source>The order is still on the QR.</source>
        <translation>La orden sigue en el QR.</translation>
    </message>
    <message>
        <source>Say why: the reason goes in the audit log.</source>
        <translation>Indique el motivo: queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>mark this sale paid</source>
        <translation>marcar esta venta como pagada</translation>
    </message>
    <message>
        <source>void this sale (not paid)</source>
        <translation>anular esta venta (no pagada)</translation>
    </message>
    <message>
        <source>Checking with Mercado Pago once more and recording the decision…</source>
        <translation>Consultando a Mercado Pago una vez más y registrando la decisión…</translation>
    </message>
    <message>
        <source>Marked paid: the receipt is printing.</source>
        <translation>Marcada como pagada: el comprobante se está imprimiendo.</translation>
    </message>
    <message>
        <source>Voided: the sale can be charged again.</source>
        <translation>Anulada: la venta se puede volver a cobrar.</translation>
    </message>
</context>
<context>
    <name>SaleToolsBinder</name>
    <message>
        <source>Park</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <source>The supervisor PIN is not available yet.</source>
        <translation>El PIN de supervisor todavía no está disponible.</translation>
    </message>
    <message>
        <source>A charge is live: the cart is locked to its order.</source>
        <translation>Hay un cobro en curso: el carrito está bloqueado a su orden.</translation>
    </message>
    <message>
        <source>The cart is empty: there is nothing to park.</source>
        <translation>El carrito está vacío: no hay nada que dejar en espera.</translation>
    </message>
    <message>
        <source>Sale parked as #%1.</source>
        <translation>Venta en espera como n.º %1.</translation>
    </message>
    <message>
        <source>discard a parked sale</source>
        <translation>descartar una venta en espera</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Parked sale discarded.</source>
        <translation>Venta en espera descartada.</translation>
    </message>
    <message>
        <source>Park or finish the current cart before resuming another.</source>
        <translation>Deje en espera o termine el carrito actual antes de retomar otro.</translation>
    </message>
    <message>
        <source>Sale resumed.</source>
        <translation>Venta retomada.</translation>
    </message>
    <message>
        <source>Add items to the cart before giving a discount.</source>
        <translation>Agregue artículos al carrito antes de hacer un descuento.</translation>
    </message>
    <message>
        <source>approve a discount above %1 %</source>
        <translation>aprobar un descuento mayor al %1 %</translation>
    </message>
    <message>
        <source>There is no paid sale to return.</source>
        <translation>No hay ninguna venta pagada para devolver.</translation>
    </message>
    <message>
        <source>return items of a paid sale</source>
        <translation>devolver artículos de una venta pagada</translation>
    </message>
</context>
<context>
    <name>SalesDialog</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Devuelta</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Payment id</source>
        <translation>ID de pago</translation>
    </message>
    <message>
        <source>Sales of the day</source>
        <translation>Ventas del día</translation>
    </message>
    <message>
        <source>Reprint (COPY)</source>
        <translation>Reimprimir (COPIA)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Devolver…</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Resolver…</translation>
    </message>
    <message>
        <source>Receipt number (00001-00000042 or 42), Enter to find</source>
        <translation>Número de comprobante (00001-00000042 o 42), Enter para buscar</translation>
    </message>
    <message>
        <source>&amp;Find receipt:</source>
        <translation>&amp;Buscar comprobante:</translation>
    </message>
    <message>
        <source>No receipt %1 among this register&apos;s sales of the day.</source>
        <translation>No hay un comprobante %1 entre las ventas del día de esta caja.</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>Devuelta en parte</translation>
    </message>
    <message>
        <source>%1 (charge %2; before: %3)</source>
        <translation>%1 (cobro %2; antes: %3)</translation>
    </message>
    <message>
        <source>%1 (charge %2)</source>
        <translation>%1 (cobro %2)</translation>
    </message>
    <message>
        <source>%1 paid · %2</source>
        <translation>%1 pagadas · %2</translation>
    </message>
    <message>
        <source>refunded %1 · net %2</source>
        <translation>devuelto %1 · neto %2</translation>
    </message>
    <message>
        <source>%1 not paid</source>
        <translation>%1 sin pagar</translation>
    </message>
    <message>
        <source>%1 need a supervisor</source>
        <translation>%1 necesitan un supervisor</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Type part of the name, e.g. &quot;yer pla&quot;</source>
        <translation>Escriba parte del nombre, p. ej. &quot;yer pla&quot;</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>No product matches. Press Esc and F4 to sell it as a free item.</source>
        <translation>Ningún producto coincide. Presione Esc y F4 para venderlo como artículo libre.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>QR Cashier settings</source>
        <translation>Configuración de QR Cashier</translation>
    </message>
    <message>
        <source>Set up QR Cashier</source>
        <translation>Configurar QR Cashier</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finalizar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
    <message>
        <source>This page is for a real Mercado Pago account (choose it under Mode).</source>
        <translation>Esta página es para una cuenta real de Mercado Pago (elíjala en Modo).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved. Changes to the account, store or register apply at the next start.</source>
        <translation>Guardado. Los cambios de cuenta, sucursal o caja se aplican en el próximo inicio.</translation>
    </message>
    <message>
        <source>Still saving: close this window when it is done.</source>
        <translation>Todavía se está guardando: cierre esta ventana cuando termine.</translation>
    </message>
    <message>
        <source>Leave the setup?</source>
        <translation>¿Salir de la configuración?</translation>
    </message>
    <message>
        <source>The store and the register are already created in Mercado Pago, but QR Cashier is not set up yet. If you leave now, nothing is saved here; the setup finds them again next time.</source>
        <translation>La tienda y la caja ya están creadas en Mercado Pago, pero QR Cashier todavía no está configurado. Si sale ahora, aquí no se guarda nada; la próxima vez la configuración las vuelve a encontrar.</translation>
    </message>
    <message>
        <source>Leave the setup</source>
        <translation>Salir de la configuración</translation>
    </message>
    <message>
        <source>Keep setting up</source>
        <translation>Seguir configurando</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>How will you use QR Cashier?</source>
        <translation>¿Cómo va a usar QR Cashier?</translation>
    </message>
    <message>
        <source>You can change this later in Settings.</source>
        <translation>Puede cambiarlo más tarde en Configuración.</translation>
    </message>
    <message>
        <source>Mercado Pago access token</source>
        <translation>Token de acceso de Mercado Pago</translation>
    </message>
    <message>
        <source>Paste the account&apos;s access token. Find it at: %1.</source>
        <translation>Pegue el token de acceso de la cuenta. Lo encuentra en: %1.</translation>
    </message>
    <message>
        <source>Store and register</source>
        <translation>Sucursal y caja</translation>
    </message>
    <message>
        <source>Choose the store and this register&apos;s Mercado Pago POS, or create them. The POS takes the amount from each sale (fixed amount).</source>
        <translation>Elija la sucursal y el POS de Mercado Pago de esta caja, o créelos. El POS toma el monto de cada venta (monto fijo).</translation>
    </message>
    <message>
        <source>The register&apos;s QR sticker</source>
        <translation>El adhesivo QR de la caja</translation>
    </message>
    <message>
        <source>Customers scan this QR to pay. Print it and stick it where they can reach it with a phone.</source>
        <translation>Los clientes escanean este QR para pagar. Imprímalo y péguelo donde puedan alcanzarlo con el teléfono.</translation>
    </message>
    <message>
        <source>Receipt printer and language</source>
        <translation>Impresora de comprobantes e idioma</translation>
    </message>
    <message>
        <source>Receipts print on the printer chosen here. Without one, each receipt is shown on screen to print or save.</source>
        <translation>Los comprobantes se imprimen en la impresora elegida aquí. Sin impresora, cada comprobante se muestra en pantalla para imprimirlo o guardarlo.</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>PIN de supervisor</translation>
    </message>
    <message>
        <source>A supervisor types this PIN to cancel an order, refund a payment, resolve a sale to review or open Settings. 4 to 12 digits; it is stored only as a slow salted hash.</source>
        <translation>Un supervisor escribe este PIN para cancelar una orden, devolver un pago, resolver una venta para revisar o abrir la Configuración. De 4 a 12 dígitos; se guarda solo como un hash lento con sal.</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>Which Mercado Pago API places the orders, and which QR the customer scans. Keep the defaults unless told otherwise.</source>
        <translation>Qué API de Mercado Pago publica las órdenes y qué QR escanea el cliente. Mantenga los valores predeterminados salvo que le indiquen otra cosa.</translation>
    </message>
    <message>
        <source>Support details</source>
        <translation>Datos para soporte</translation>
    </message>
    <message>
        <source>Copy these lines into a message to support. They never include the access token or the PIN.</source>
        <translation>Copie estas líneas en un mensaje para soporte. Nunca incluyen el token de acceso ni el PIN.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Press Finish to save. You can change all of this later in Settings (it asks for the supervisor PIN).</source>
        <translation>Presione Finalizar para guardar. Puede cambiar todo esto más tarde en Configuración (pide el PIN de supervisor).</translation>
    </message>
    <message>
        <source>Electronic invoice (ARCA)</source>
        <translation>Factura electrónica (ARCA)</translation>
    </message>
    <message>
        <source>In Argentina every sale needs a Factura B or C authorized by ARCA. QR Cashier asks for it in the background after each sale and prints its CAE and QR on the receipt.</source>
        <translation>En la Argentina cada venta necesita una Factura B o C autorizada por ARCA. QR Cashier la pide en segundo plano después de cada venta e imprime su CAE y su QR en el ticket.</translation>
    </message>
    <message>
        <source>Card terminal</source>
        <translation>Terminal de tarjetas</translation>
    </message>
    <message>
        <source>A Mercado Pago Point terminal takes cards for this register: the app sends it the amount and learns the result. It must be in PDV (integrated) mode; in standalone mode it only takes amounts typed on it. A register can also have no card terminal (cards on another terminal are typed in by hand).</source>
        <translation>Una terminal Point de Mercado Pago cobra con tarjeta para esta caja: la app le envía el importe y se entera del resultado. Tiene que estar en modo PDV (integrado); en modo independiente solo cobra importes cargados en ella. Una caja también puede no tener terminal (las tarjetas cobradas en otro posnet se cargan a mano).</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Paid in cash</source>
        <translation>Pagado en efectivo</translation>
    </message>
    <message>
        <source>Handed over (empty: exact)</source>
        <translation>Entregado (vacío: exacto)</translation>
    </message>
    <message>
        <source>Rest by &amp;QR</source>
        <translation>Resto con &amp;QR</translation>
    </message>
    <message>
        <source>Rest on &amp;Point terminal %1</source>
        <translation>Resto en la terminal &amp;Point %1</translation>
    </message>
    <message>
        <source>Rest on &amp;Point terminal (none on this register)</source>
        <translation>Resto en terminal &amp;Point (esta caja no tiene)</translation>
    </message>
    <message>
        <source>Rest by card on an&amp;other terminal</source>
        <translation>Resto con tarjeta en &amp;otro posnet</translation>
    </message>
    <message>
        <source>Approval code (optional)</source>
        <translation>Código de autorización (opcional)</translation>
    </message>
    <message>
        <source>Last 4 digits (optional)</source>
        <translation>Últimos 4 dígitos (opcional)</translation>
    </message>
    <message>
        <source>Cash part</source>
        <translation>Parte en efectivo</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>By QR</source>
        <translation>Por QR</translation>
    </message>
    <message>
        <source>Approval code</source>
        <translation>Código de autorización</translation>
    </message>
    <message>
        <source>Last 4 digits</source>
        <translation>Últimos 4 dígitos</translation>
    </message>
    <message>
        <source>Charge the rest</source>
        <translation>Cobrar el resto</translation>
    </message>
    <message>
        <source>On the terminal</source>
        <translation>En la terminal</translation>
    </message>
    <message>
        <source>By card</source>
        <translation>Con tarjeta</translation>
    </message>
    <message>
        <source>Sale total: %1</source>
        <translation>Total de la venta: %1</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Scan or type an item to start a sale.</source>
        <translation>Escanee o escriba un artículo para empezar una venta.</translation>
    </message>
    <message>
        <source>When the cart is complete press Charge (F12).</source>
        <translation>Cuando el carrito esté completo, presione Cobrar (F12).</translation>
    </message>
    <message>
        <source>Sending to the QR…</source>
        <translation>Enviando al QR…</translation>
    </message>
    <message>
        <source>Sending the order to the register&apos;s QR.</source>
        <translation>Enviando la orden al QR de la caja.</translation>
    </message>
    <message>
        <source>Wait a moment: the customer can scan as soon as the amount shows on their screen.</source>
        <translation>Espere un momento: el cliente puede escanear en cuanto el monto aparezca en su pantalla.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>Checking with Mercado Pago whether the order reached the QR.</source>
        <translation>Consultando a Mercado Pago si la orden llegó al QR.</translation>
    </message>
    <message>
        <source>Do not take another payment yet; this takes a few seconds.</source>
        <translation>Todavía no cobre de otra forma; esto tarda unos segundos.</translation>
    </message>
    <message>
        <source>Waiting for the customer</source>
        <translation>Esperando al cliente</translation>
    </message>
    <message>
        <source>The order is on the QR: the customer can scan and pay.</source>
        <translation>La orden está en el QR: el cliente puede escanear y pagar.</translation>
    </message>
    <message>
        <source>Ask the customer to scan the QR with the Mercado Pago app. Esc cancels the charge.</source>
        <translation>Pida al cliente que escanee el QR con la app de Mercado Pago. Esc cancela el cobro.</translation>
    </message>
    <message>
        <source>Customer scanned</source>
        <translation>El cliente escaneó</translation>
    </message>
    <message>
        <source>The customer scanned the QR and is confirming the payment.</source>
        <translation>El cliente escaneó el QR y está confirmando el pago.</translation>
    </message>
    <message>
        <source>Wait while they confirm in their app.</source>
        <translation>Espere mientras confirma en su app.</translation>
    </message>
    <message>
        <source>Payment rejected</source>
        <translation>Pago rechazado</translation>
    </message>
    <message>
        <source>The payment was rejected; the order is still on the QR.</source>
        <translation>El pago fue rechazado; la orden sigue en el QR.</translation>
    </message>
    <message>
        <source>The customer can try again with another card or account. If they pay another way, press Esc to cancel.</source>
        <translation>El cliente puede intentar de nuevo con otra tarjeta o cuenta. Si paga de otra forma, presione Esc para cancelar.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Removing the order from the QR and checking for a last-second payment.</source>
        <translation>Quitando la orden del QR y verificando si hubo un pago de último momento.</translation>
    </message>
    <message>
        <source>Wait: if the customer paid in the meantime, the sale completes as paid.</source>
        <translation>Espere: si el cliente pagó mientras tanto, la venta se completa como pagada.</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Paid with Mercado Pago.</source>
        <translation>Pagado con Mercado Pago.</translation>
    </message>
    <message>
        <source>Hand over the receipt. Scan the next item to start a new sale.</source>
        <translation>Entregue el comprobante. Escanee el próximo artículo para empezar una venta nueva.</translation>
    </message>
    <message>
        <source>Expired unpaid</source>
        <translation>Venció sin pagar</translation>
    </message>
    <message>
        <source>The order expired on the QR before it was paid.</source>
        <translation>La orden venció en el QR antes de que la pagaran.</translation>
    </message>
    <message>
        <source>Press Charge (F12) to show it again, or take another payment method.</source>
        <translation>Presione Cobrar (F12) para mostrarla de nuevo o cobre con otro medio de pago.</translation>
    </message>
    <message>
        <source>Charge cancelled</source>
        <translation>Cobro cancelado</translation>
    </message>
    <message>
        <source>The order was removed from the QR and nothing was paid.</source>
        <translation>La orden se quitó del QR y no se pagó nada.</translation>
    </message>
    <message>
        <source>Press Charge (F12) to charge again, or Esc to clear the cart.</source>
        <translation>Presione Cobrar (F12) para cobrar de nuevo o Esc para vaciar el carrito.</translation>
    </message>
    <message>
        <source>Order not placed</source>
        <translation>Orden no publicada</translation>
    </message>
    <message>
        <source>The order could not be placed on the QR.</source>
        <translation>No se pudo publicar la orden en el QR.</translation>
    </message>
    <message>
        <source>The sale is kept: press Charge (F12) to try again.</source>
        <translation>La venta se conserva: presione Cobrar (F12) para intentar de nuevo.</translation>
    </message>
    <message>
        <source>Payment not confirmed</source>
        <translation>Pago sin confirmar</translation>
    </message>
    <message>
        <source>Mercado Pago&apos;s answer could not be confirmed for this sale.</source>
        <translation>No se pudo confirmar la respuesta de Mercado Pago para esta venta.</translation>
    </message>
    <message>
        <source>Do not hand over the goods yet: call a supervisor to review it in Sales of the day (F9).</source>
        <translation>Todavía no entregue la mercadería: llame a un supervisor para que la revise en Ventas del día (F9).</translation>
    </message>
    <message>
        <source>Marked not paid</source>
        <translation>Marcado como no pagado</translation>
    </message>
    <message>
        <source>A supervisor marked this charge as not paid.</source>
        <translation>Un supervisor marcó este cobro como no pagado.</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Mercado Pago cannot be reached from this computer.</source>
        <translation>No se puede conectar con Mercado Pago desde esta computadora.</translation>
    </message>
    <message>
        <source>The sale is kept. Check the internet connection and press Charge (F12) again, or take another payment method.</source>
        <translation>La venta se conserva. Revise la conexión a internet y presione Cobrar (F12) de nuevo, o cobre con otro medio de pago.</translation>
    </message>
    <message>
        <source>Sale in progress</source>
        <translation>Venta en curso</translation>
    </message>
    <message>
        <source>Keep scanning or typing items; nothing is charged yet.</source>
        <translation>Siga escaneando o escribiendo artículos; todavía no se cobró nada.</translation>
    </message>
    <message>
        <source>Payment being verified</source>
        <translation>Pago en verificación</translation>
    </message>
    <message>
        <source>Mercado Pago is not answering: if the customer has paid, the sale completes as soon as the connection is back.</source>
        <translation>Mercado Pago no responde: si el cliente ya pagó, la venta se completa en cuanto vuelva la conexión.</translation>
    </message>
    <message>
        <source>Do not charge again. The customer&apos;s screen says the payment is being verified.</source>
        <translation>No cobre de nuevo. La pantalla del cliente indica que el pago está en verificación.</translation>
    </message>
    <message>
        <source>Mercado Pago is not answering</source>
        <translation>Mercado Pago no responde</translation>
    </message>
    <message>
        <source>It is not known whether the order reached the QR: Mercado Pago has not answered after several tries.</source>
        <translation>No se sabe si la orden llegó al QR: Mercado Pago no respondió después de varios intentos.</translation>
    </message>
    <message>
        <source>Do not charge again. To take cash instead, press Esc to cancel the charge, then Cash (F8).</source>
        <translation>No cobre de nuevo. Para cobrar en efectivo, presione Esc para cancelar el cobro y luego Efectivo (F8).</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Checking unfinished sales with Mercado Pago before the first charge.</source>
        <translation>Verificando con Mercado Pago las ventas sin terminar antes del primer cobro.</translation>
    </message>
    <message>
        <source>You can already scan items; Charge is enabled in a moment.</source>
        <translation>Ya puede escanear artículos; Cobrar se habilita en un momento.</translation>
    </message>
</context>
<context>
    <name>StickerPage</name>
    <message>
        <source>Print sticker</source>
        <translation>Imprimir adhesivo</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Printer for the sticker (A6)</source>
        <translation>Impresora para el adhesivo (A6)</translation>
    </message>
    <message>
        <source>No printer installed</source>
        <translation>No hay impresoras instaladas</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Sucursal</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Caja</translation>
    </message>
    <message>
        <source>The QR appears here once
the register is set up.</source>
        <translation>El QR aparece aquí cuando
la caja esté configurada.</translation>
    </message>
    <message>
        <source>Mercado Pago did not send this register&apos;s QR, so it was built from its POS number.</source>
        <translation>Mercado Pago no envió el QR de esta caja, así que se armó a partir de su número de POS.</translation>
    </message>
    <message>
        <source>This is a sandbox QR: only the sandbox&apos;s phone page can pay it.</source>
        <translation>Este es un QR del sandbox: solo lo puede pagar la página de teléfono del sandbox.</translation>
    </message>
    <message>
        <source>Save a PDF and print it elsewhere.</source>
        <translation>Guarde un PDF e imprímalo en otro lugar.</translation>
    </message>
    <message>
        <source>The sticker did not print: %1</source>
        <translation>El adhesivo no se imprimió: %1</translation>
    </message>
    <message>
        <source>The sticker was sent to %1.</source>
        <translation>El adhesivo se envió a %1.</translation>
    </message>
    <message>
        <source>The sticker was not saved: %1</source>
        <translation>El adhesivo no se guardó: %1</translation>
    </message>
    <message>
        <source>The sticker was saved to %1.</source>
        <translation>El adhesivo se guardó en %1.</translation>
    </message>
    <message>
        <source>Save the QR sticker as PDF</source>
        <translation>Guardar el adhesivo QR como PDF</translation>
    </message>
</context>
<context>
    <name>StoreBinder</name>
    <message>
        <source>This register&apos;s catalog comes from the store: import it with qrcashier-admin catalog import --store</source>
        <translation>El catálogo de esta caja viene de la sucursal: importalo con qrcashier-admin catalog import --store</translation>
    </message>
    <message>
        <source>Change a &amp;price in the store…</source>
        <translation>Cambiar un &amp;precio en la sucursal…</translation>
    </message>
    <message>
        <source>Store &amp;report…</source>
        <translation>&amp;Reporte de la sucursal…</translation>
    </message>
    <message>
        <source>see the store report</source>
        <translation>ver el reporte de la sucursal</translation>
    </message>
</context>
<context>
    <name>StoreFields</name>
    <message>
        <source>e.g. host=192.168.0.10 dbname=store user=qrc_caja2 (empty: no store server)</source>
        <translation>p. ej. host=192.168.0.10 dbname=store user=qrc_caja2 (vacío: sin servidor de la sucursal)</translation>
    </message>
    <message>
        <source>kept in the keyring; empty: unchanged</source>
        <translation>se guarda en el llavero; vacío: no cambia</translation>
    </message>
    <message>
        <source>Store database (PostgreSQL)</source>
        <translation>Base de datos de la sucursal (PostgreSQL)</translation>
    </message>
    <message>
        <source>Store database password</source>
        <translation>Contraseña de la base de datos de la sucursal</translation>
    </message>
    <message>
        <source>Give the store database first, then its password.</source>
        <translation>Indique primero la base de datos de la sucursal y después su contraseña.</translation>
    </message>
    <message>
        <source>The store database is a PostgreSQL DSN (host=... dbname=... user=...) or a libpq service name.</source>
        <translation>La base de datos de la sucursal es un DSN de PostgreSQL (host=... dbname=... user=...) o un nombre de servicio de libpq.</translation>
    </message>
    <message>
        <source>Leave the password out of the store database&apos;s address: type it in the password field, which keeps it in the keyring.</source>
        <translation>No ponga la contraseña en la dirección de la base de datos de la sucursal: escríbala en el campo de contraseña, que la guarda en el llavero.</translation>
    </message>
    <message>
        <source>This computer has no secure keyring to keep the store database&apos;s password in: use libpq&apos;s .pgpass file instead, or start a keyring and save again.</source>
        <translation>Esta computadora no tiene un llavero seguro donde guardar la contraseña de la base de datos de la sucursal: use el archivo .pgpass de libpq, o inicie un llavero y vuelva a guardar.</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>e.g. Kiosco Centro</source>
        <translation>p. ej. Kiosco Centro</translation>
    </message>
    <message>
        <source>letters and digits, e.g. KIOSCO1</source>
        <translation>letras y números, p. ej. KIOSCO1</translation>
    </message>
    <message>
        <source>street</source>
        <translation>calle</translation>
    </message>
    <message>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <source>city, as Mercado Libre spells it</source>
        <translation>ciudad, como la escribe Mercado Libre</translation>
    </message>
    <message>
        <source>province or state</source>
        <translation>provincia o estado</translation>
    </message>
    <message>
        <source>latitude, e.g. -34.6037</source>
        <translation>latitud, p. ej. -34.6037</translation>
    </message>
    <message>
        <source>longitude, e.g. -58.3816</source>
        <translation>longitud, p. ej. -58.3816</translation>
    </message>
    <message>
        <source>e.g. Caja 1</source>
        <translation>p. ej. Caja 1</translation>
    </message>
    <message>
        <source>letters and digits, e.g. CAJA1</source>
        <translation>letras y números, p. ej. CAJA1</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Sucursal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Store id</source>
        <translation>ID de sucursal</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Calle</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provincia</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>This register (Mercado Pago POS)</source>
        <translation>Esta caja (POS de Mercado Pago)</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Caja</translation>
    </message>
    <message>
        <source>POS id</source>
        <translation>ID de POS</translation>
    </message>
    <message>
        <source>Attended register (cashier)</source>
        <translation>Caja atendida (cajero)</translation>
    </message>
    <message>
        <source>Self-service (the POS carries our URL)</source>
        <translation>Autoservicio (el POS lleva nuestra URL)</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Cobro</translation>
    </message>
    <message>
        <source>e.g. https://pay.example.com/mp/unattended</source>
        <translation>p. ej. https://pay.example.com/mp/unattended</translation>
    </message>
    <message>
        <source>Public URL</source>
        <translation>URL pública</translation>
    </message>
    <message>
        <source>Check and create</source>
        <translation>Verificar y crear</translation>
    </message>
    <message>
        <source>Reading the account&apos;s stores…</source>
        <translation>Leyendo las sucursales de la cuenta…</translation>
    </message>
    <message>
        <source>New store…</source>
        <translation>Sucursal nueva…</translation>
    </message>
    <message>
        <source>Reading the store&apos;s registers…</source>
        <translation>Leyendo las cajas de la sucursal…</translation>
    </message>
    <message>
        <source>New register…</source>
        <translation>Caja nueva…</translation>
    </message>
    <message>
        <source>In the sandbox the public URL may stay empty: the sandbox calls this computer&apos;s endpoint, %1, directly.</source>
        <translation>En el sandbox la URL pública puede quedar vacía: el sandbox llama directamente al endpoint de esta computadora, %1.</translation>
    </message>
    <message>
        <source>The https address of the reverse proxy that forwards to this computer&apos;s endpoint (port %1); Mercado Pago must have enabled its domain for the account.</source>
        <translation>La dirección https del proxy inverso que reenvía al endpoint de esta computadora (puerto %1); Mercado Pago debe haber habilitado su dominio para la cuenta.</translation>
    </message>
    <message>
        <source>Give the store a name.</source>
        <translation>Póngale un nombre a la sucursal.</translation>
    </message>
    <message>
        <source>Latitude and longitude are numbers, like -34.6037 and -58.3816.</source>
        <translation>La latitud y la longitud son números, como -34.6037 y -58.3816.</translation>
    </message>
    <message>
        <source>Latitude is between -90 and 90, longitude between -180 and 180.</source>
        <translation>La latitud va de -90 a 90 y la longitud de -180 a 180.</translation>
    </message>
    <message>
        <source>Mercado Pago needs the store&apos;s street.</source>
        <translation>Mercado Pago necesita la calle de la sucursal.</translation>
    </message>
    <message>
        <source>Mercado Pago needs the store&apos;s street number.</source>
        <translation>Mercado Pago necesita el número de la calle de la sucursal.</translation>
    </message>
    <message>
        <source>Mercado Pago needs the store&apos;s city.</source>
        <translation>Mercado Pago necesita la ciudad de la sucursal.</translation>
    </message>
    <message>
        <source>Mercado Pago needs the store&apos;s province or state.</source>
        <translation>Mercado Pago necesita la provincia o el estado de la sucursal.</translation>
    </message>
    <message>
        <source>The register&apos;s name is 1 to 44 characters.</source>
        <translation>El nombre de la caja tiene de 1 a 44 caracteres.</translation>
    </message>
    <message>
        <source>Choose a store and a register.</source>
        <translation>Elija una sucursal y una caja.</translation>
    </message>
    <message>
        <source>Checking the store and register with Mercado Pago (creating what is missing)…</source>
        <translation>Verificando la sucursal y la caja con Mercado Pago (se crea lo que falte)…</translation>
    </message>
    <message>
        <source>Created the store %1 (%2) and created the register %3 (%4, POS number %5), fixed amount.</source>
        <translation>Se creó la sucursal %1 (%2) y se creó la caja %3 (%4, POS número %5), con monto fijo.</translation>
    </message>
    <message>
        <source>Created the store %1 (%2) and found the register %3 (%4, POS number %5, fixed amount), which will be reused.</source>
        <translation>Se creó la sucursal %1 (%2) y se encontró la caja %3 (%4, POS número %5, monto fijo), que se va a reutilizar.</translation>
    </message>
    <message>
        <source>Found the store %1 (%2) and found the register %3 (%4, POS number %5, fixed amount), which will be reused.</source>
        <translation>Se encontró la sucursal %1 (%2) y se encontró la caja %3 (%4, POS número %5, monto fijo), que se va a reutilizar.</translation>
    </message>
    <message>
        <source>Self-service: Mercado Pago will ask %1 for each order.</source>
        <translation>Autoservicio: Mercado Pago pedirá cada orden a %1.</translation>
    </message>
    <message>
        <source>Found the store %1 (%2) and created the register %3 (%4, POS number %5), fixed amount.</source>
        <translation>Se encontró la sucursal %1 (%2) y se creó la caja %3 (%4, POS número %5), con monto fijo.</translation>
    </message>
</context>
<context>
    <name>StorePriceDialog</name>
    <message>
        <source>Change a price in the store</source>
        <translation>Cambiar un precio en la sucursal</translation>
    </message>
    <message>
        <source>The new price goes to the store&apos;s catalog and reaches every register in a few seconds. A supervisor authorises it with the PIN.</source>
        <translation>El precio nuevo va al catálogo de la sucursal y llega a todas las cajas en unos segundos. Lo autoriza un supervisor con el PIN.</translation>
    </message>
    <message>
        <source>code or barcode</source>
        <translation>código o código de barras</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Producto:</translation>
    </message>
    <message>
        <source>New price:</source>
        <translation>Precio nuevo:</translation>
    </message>
    <message>
        <source>&amp;Change the price</source>
        <translation>&amp;Cambiar el precio</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>No such product in this register&apos;s catalog.</source>
        <translation>No hay ningún producto así en el catálogo de esta caja.</translation>
    </message>
    <message>
        <source>%1 (%2), now %3</source>
        <translation>%1 (%2), ahora %3</translation>
    </message>
    <message>
        <source>Type the code or barcode of a product of this register&apos;s catalog.</source>
        <translation>Escribí el código o el código de barras de un producto del catálogo de esta caja.</translation>
    </message>
    <message>
        <source>The new price cannot be read: %1</source>
        <translation>No se puede leer el precio nuevo: %1</translation>
    </message>
    <message>
        <source>change a price in the store</source>
        <translation>cambiar un precio en la sucursal</translation>
    </message>
    <message>
        <source>Changing the price in the store…</source>
        <translation>Cambiando el precio en la sucursal…</translation>
    </message>
    <message>
        <source>This register may not change prices in the store. The store&apos;s owner allows it with: qrcashier-admin catalog allow-prices --register %1</source>
        <translation>Esta caja no puede cambiar precios en la sucursal. El dueño de la sucursal lo habilita con: qrcashier-admin catalog allow-prices --register %1</translation>
    </message>
    <message>
        <source>The store refused the price: %1</source>
        <translation>La sucursal rechazó el precio: %1</translation>
    </message>
    <message>
        <source>The store server cannot be reached: the price was not changed (%1).</source>
        <translation>No se puede conectar con el servidor de la sucursal: el precio no cambió (%1).</translation>
    </message>
    <message>
        <source>The price of %1 is now %2 in the store: every register gets it in a few seconds.</source>
        <translation>El precio de %1 ahora es %2 en la sucursal: todas las cajas lo reciben en unos segundos.</translation>
    </message>
</context>
<context>
    <name>StoreReportDialog</name>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>QR</source>
        <translation>QR</translation>
    </message>
    <message>
        <source>Card (Point)</source>
        <translation>Tarjeta (Point)</translation>
    </message>
    <message>
        <source>Store report</source>
        <translation>Reporte de la sucursal</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Día:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Store database: %1</source>
        <translation>Base de datos de la sucursal: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Asking the store server…</source>
        <translation>Consultando al servidor de la sucursal…</translation>
    </message>
    <message>
        <source>%1: %2 sales in the store, %3 registers.</source>
        <translation>%1: %2 ventas en la sucursal, %3 cajas.</translation>
    </message>
    <message>
        <source>The store server cannot be reached, so there is no store report now (this register keeps selling): %1</source>
        <translation>No se puede conectar con el servidor de la sucursal, así que ahora no hay reporte de la sucursal (esta caja sigue vendiendo): %1</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Caja</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Devoluciones</translation>
    </message>
    <message>
        <source>Cash difference (Z)</source>
        <translation>Diferencia de caja (Z)</translation>
    </message>
    <message>
        <source>Not reconciled</source>
        <translation>Sin conciliar</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Sucursal</translation>
    </message>
</context>
<context>
    <name>StoreStatus</name>
    <message>
        <source>store server offline: 1 sale waiting</source>
        <translation>servidor de la sucursal sin conexión: 1 venta en espera</translation>
    </message>
    <message>
        <source>store server offline: %1 sales waiting</source>
        <translation>servidor de la sucursal sin conexión: %1 ventas en espera</translation>
    </message>
    <message>
        <source>store: connecting</source>
        <translation>sucursal: conectando</translation>
    </message>
    <message>
        <source>store: sending 1 sale</source>
        <translation>sucursal: enviando 1 venta</translation>
    </message>
    <message>
        <source>store: sending %1 sales</source>
        <translation>sucursal: enviando %1 ventas</translation>
    </message>
    <message>
        <source>store: up to date</source>
        <translation>sucursal: al día</translation>
    </message>
    <message>
        <source>catalog offline: selling from the local copy</source>
        <translation>catálogo sin conexión: vendiendo con la copia local</translation>
    </message>
    <message>
        <source>catalog: copying %1 products</source>
        <translation>catálogo: copiando %1 productos</translation>
    </message>
</context>
<context>
    <name>SupervisorActions</name>
    <message>
        <source>Not connected yet</source>
        <translation>Todavía no hay conexión</translation>
    </message>
    <message>
        <source>Supervisor actions are available once QR Cashier is connected.</source>
        <translation>Las acciones de supervisor están disponibles cuando QR Cashier se conecta.</translation>
    </message>
    <message>
        <source>see the audit log</source>
        <translation>ver el registro de auditoría</translation>
    </message>
</context>
<context>
    <name>SupervisorMenu</name>
    <message>
        <source>&amp;Supervisor</source>
        <translation>&amp;Supervisión</translation>
    </message>
    <message>
        <source>&amp;Refund a sale…</source>
        <translation>&amp;Devolver una venta…</translation>
    </message>
    <message>
        <source>&amp;Cancel the charge on the QR…</source>
        <translation>&amp;Cancelar el cobro del QR…</translation>
    </message>
    <message>
        <source>&amp;Open the cash drawer</source>
        <translation>Abrir el ca&amp;jón de dinero</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>Registro de &amp;auditoría…</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>C&amp;onfiguración…</translation>
    </message>
    <message>
        <source>&amp;Diagnostics…</source>
        <translation>Diagnó&amp;stico…</translation>
    </message>
    <message>
        <source>open the cash drawer</source>
        <translation>abrir el cajón de dinero</translation>
    </message>
</context>
<context>
    <name>SupportPage</name>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
</context>
<context>
    <name>TenderDialog</name>
    <message>
        <source>Due: %1</source>
        <translation>A pagar: %1</translation>
    </message>
    <message>
        <source>Amount received</source>
        <translation>Importe recibido</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Exacto</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Vuelto</translation>
    </message>
    <message>
        <source>Take cash</source>
        <translation>Cobrar en efectivo</translation>
    </message>
    <message>
        <source>Type the amount received.</source>
        <translation>Escriba el importe recibido.</translation>
    </message>
</context>
<context>
    <name>TerminalPage</name>
    <message>
        <source>List the terminals again</source>
        <translation>Volver a listar las terminales</translation>
    </message>
    <message>
        <source>Switch to PDV mode…</source>
        <translation>Pasar a modo PDV…</translation>
    </message>
    <message>
        <source>Terminal for this register</source>
        <translation>Terminal de esta caja</translation>
    </message>
    <message>
        <source>Card terminal: &lt;b&gt;none&lt;/b&gt; (cards on another terminal, typed in by hand)</source>
        <translation>Terminal de tarjetas: &lt;b&gt;ninguna&lt;/b&gt; (tarjetas en otra terminal, cargadas a mano)</translation>
    </message>
    <message>
        <source>Card terminal: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Terminal de tarjetas: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reading the account&apos;s card terminals…</source>
        <translation>Leyendo las terminales de la cuenta…</translation>
    </message>
    <message>
        <source>This account has no Point terminal: the register takes cards on another terminal, typed in by hand.</source>
        <translation>Esta cuenta no tiene terminales Point: la caja cobra tarjetas en otro posnet y se cargan a mano.</translation>
    </message>
    <message>
        <source>No card terminal</source>
        <translation>Sin terminal de tarjetas</translation>
    </message>
    <message>
        <source>this register&apos;s POS</source>
        <translation>esta caja</translation>
    </message>
    <message>
        <source>POS %1</source>
        <translation>Caja %1</translation>
    </message>
    <message>
        <source>no POS</source>
        <translation>sin caja</translation>
    </message>
    <message>
        <source>%1 (saved; not in the list)</source>
        <translation>%1 (guardada; no está en la lista)</translation>
    </message>
    <message>
        <source>standalone</source>
        <translation>independiente</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>Cards are taken on another terminal and typed in by hand.</source>
        <translation>Las tarjetas se cobran en otro posnet y se cargan a mano.</translation>
    </message>
    <message>
        <source>PDV mode: the app sends the amount to this terminal.</source>
        <translation>Modo PDV: la app le envía el importe a esta terminal.</translation>
    </message>
    <message>
        <source>Mode: %1. The terminal takes only amounts typed on it. Switch it to PDV mode for this register to send it the amount.</source>
        <translation>Modo: %1. La terminal solo cobra importes cargados en ella. Pásela a modo PDV para que esta caja le envíe el importe.</translation>
    </message>
    <message>
        <source>Switch the terminal to PDV mode?</source>
        <translation>¿Pasar la terminal a modo PDV?</translation>
    </message>
    <message>
        <source>Terminal %1 will take amounts from this app only, not typed on it. Mercado Pago allows one PDV terminal per POS. The terminal applies the change after a restart.</source>
        <translation>La terminal %1 va a cobrar solo importes enviados por esta app, no cargados en ella. Mercado Pago permite una terminal en modo PDV por caja. La terminal aplica el cambio después de reiniciarse.</translation>
    </message>
    <message>
        <source>Switching the terminal to PDV mode…</source>
        <translation>Pasando la terminal a modo PDV…</translation>
    </message>
    <message>
        <source>Terminal %1 is now in %2 mode: restart it to apply the change.</source>
        <translation>La terminal %1 ahora está en modo %2: reiníciela para aplicar el cambio.</translation>
    </message>
</context>
<context>
    <name>TillBinder</name>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>&amp;Till</source>
        <translation>&amp;Caja</translation>
    </message>
    <message>
        <source>Open shift…</source>
        <translation>Abrir turno…</translation>
    </message>
    <message>
        <source>Cash in…</source>
        <translation>Ingreso de efectivo…</translation>
    </message>
    <message>
        <source>Cash out…</source>
        <translation>Retiro de efectivo…</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>Informe X</translation>
    </message>
    <message>
        <source>Close shift…</source>
        <translation>Cerrar turno…</translation>
    </message>
    <message>
        <source>A supervisor must authorize this: set a supervisor PIN first.</source>
        <translation>Un supervisor debe autorizarlo: configure primero un PIN de supervisor.</translation>
    </message>
    <message>
        <source>Cash and QR or card…</source>
        <translation>Efectivo y QR o tarjeta…</translation>
    </message>
    <message>
        <source>Open the shift first (Till menu): count the float.</source>
        <translation>Abra primero el turno (menú Caja): cuente el fondo de caja.</translation>
    </message>
    <message>
        <source>The cart is empty: scan or add an item first.</source>
        <translation>El carrito está vacío: primero escanee o agregue un artículo.</translation>
    </message>
    <message>
        <source>Split a new cart: this sale was already charged.</source>
        <translation>Divida un carrito nuevo: esta venta ya se cobró.</translation>
    </message>
    <message>
        <source>Shift %1 is open.</source>
        <translation>El turno %1 está abierto.</translation>
    </message>
    <message>
        <source>move cash</source>
        <translation>mover efectivo</translation>
    </message>
    <message>
        <source>Cash movement recorded.</source>
        <translation>Movimiento de efectivo registrado.</translation>
    </message>
    <message>
        <source>accept the difference in the count</source>
        <translation>aceptar la diferencia en el conteo</translation>
    </message>
    <message>
        <source>%1 report, shift %2: %3 sales; cash %4, QR %5; expected cash %6.</source>
        <translation>Informe %1, turno %2: %3 ventas; efectivo %4, QR %5; efectivo esperado %6.</translation>
    </message>
    <message>
        <source>Cards: Point %1, other terminals %2.</source>
        <translation>Tarjetas: Point %1, otros posnet %2.</translation>
    </message>
    <message>
        <source>Counted %1, difference %2.</source>
        <translation>Contado %1, diferencia %2.</translation>
    </message>
    <message>
        <source>Till report</source>
        <translation>Informe de caja</translation>
    </message>
</context>
<context>
    <name>TillDialogs</name>
    <message>
        <source>Less than what is due: nothing is recorded.</source>
        <translation>Menos de lo que se debe: no se registra nada.</translation>
    </message>
    <message>
        <source>That amount is above the limit: check it.</source>
        <translation>Ese importe supera el límite: revíselo.</translation>
    </message>
    <message>
        <source>A supervisor must authorize this, with a reason.</source>
        <translation>Un supervisor debe autorizarlo, con un motivo.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Open the shift</source>
        <translation>Abrir el turno</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Ingreso de efectivo</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Retiro de efectivo</translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation>Cerrar el turno</translation>
    </message>
    <message>
        <source>Cash and QR</source>
        <translation>Efectivo y QR</translation>
    </message>
</context>
<context>
    <name>TokenPage</name>
    <message>
        <source>APP_USR-…  (production)   or   TEST-…  (test account)</source>
        <translation>APP_USR-…  (producción)   o   TEST-…  (cuenta de prueba)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Check token</source>
        <translation>Verificar token</translation>
    </message>
    <message>
        <source>What you can do instead:</source>
        <translation>Lo que puede hacer en cambio:</translation>
    </message>
    <message>
        <source>Keep the token for this session only (asked again at the next start)</source>
        <translation>Guardar el token solo para esta sesión (se vuelve a pedir en el próximo inicio)</translation>
    </message>
    <message>
        <source>Check again for a password store</source>
        <translation>Buscar de nuevo un almacén de contraseñas</translation>
    </message>
    <message>
        <source>Remove the token</source>
        <translation>Eliminar el token</translation>
    </message>
    <message>
        <source>Current token: %1 (TEST account), %2. Paste a new one to replace it.</source>
        <translation>Token actual: %1 (cuenta de PRUEBA), %2. Pegue uno nuevo para reemplazarlo.</translation>
    </message>
    <message>
        <source>Current token: %1, %2. Paste a new one to replace it.</source>
        <translation>Token actual: %1, %2. Pegue uno nuevo para reemplazarlo.</translation>
    </message>
    <message>
        <source>The token is saved only in %1, never in a file.</source>
        <translation>El token se guarda solo en %1, nunca en un archivo.</translation>
    </message>
    <message>
        <source>No secure password store is available.</source>
        <translation>No hay ningún almacén de contraseñas seguro disponible.</translation>
    </message>
    <message>
        <source>Asking Mercado Pago who this token belongs to…</source>
        <translation>Consultando a Mercado Pago a quién pertenece este token…</translation>
    </message>
    <message>
        <source>Remove the access token?</source>
        <translation>¿Eliminar el token de acceso?</translation>
    </message>
    <message>
        <source>QR Cashier will not be able to take Mercado Pago payments until a supervisor pastes a token again.</source>
        <translation>QR Cashier no va a poder cobrar con Mercado Pago hasta que un supervisor vuelva a pegar un token.</translation>
    </message>
    <message>
        <source>The access token was removed from this computer.</source>
        <translation>El token de acceso se eliminó de esta computadora.</translation>
    </message>
</context>
<context>
    <name>TokenRefusedNotice</name>
    <message>
        <source>Mercado Pago refused this register&apos;s access token (401), so no payment can be taken or checked right now. The sale is kept. Call a supervisor to replace the token in Settings.</source>
        <translation>Mercado Pago rechazó el token de acceso de esta caja (401), así que ahora no se puede cobrar ni verificar ningún pago. La venta se conserva. Llame a un supervisor para que reemplace el token en Configuración.</translation>
    </message>
    <message>
        <source>Access token refused</source>
        <translation>Token de acceso rechazado</translation>
    </message>
    <message>
        <source>Call a supervisor</source>
        <translation>Llame a un supervisor</translation>
    </message>
    <message>
        <source>Supervisor: replace the token</source>
        <translation>Supervisor: reemplazar el token</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
</context>
<context>
    <name>_TillDialog</name>
    <message>
        <source>Or count by denomination (Tab, Enter: next)</source>
        <translation>O cuente por denominación (Tab, Enter: siguiente)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>QR Cashier: unexpected error</source>
        <translation>QR Cashier: error inesperado</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>The sale is saved; sending the order to the QR.</source>
        <translation>La venta está guardada; enviando la orden al QR.</translation>
    </message>
    <message>
        <source>Sending the order to the QR.</source>
        <translation>Enviando la orden al QR.</translation>
    </message>
    <message>
        <source>The order is on the QR: the customer can scan and pay.</source>
        <translation>La orden está en el QR: el cliente puede escanear y pagar.</translation>
    </message>
    <message>
        <source>Checking with Mercado Pago whether the order reached the QR.</source>
        <translation>Consultando a Mercado Pago si la orden llegó al QR.</translation>
    </message>
    <message>
        <source>Cancelling: removing the order from the QR and checking for a last-second payment.</source>
        <translation>Cancelando: quitando la orden del QR y verificando si hubo un pago de último momento.</translation>
    </message>
    <message>
        <source>Paid. The receipt is printing.</source>
        <translation>Pagado. El comprobante se está imprimiendo.</translation>
    </message>
    <message>
        <source>Cancelled: the order was removed from the QR and nothing was paid.</source>
        <translation>Cancelado: la orden se quitó del QR y no se pagó nada.</translation>
    </message>
    <message>
        <source>Cancelled, but this order&apos;s QR cannot be withdrawn: until it expires, a customer who has it can still pay, and that payment completes the sale.</source>
        <translation>Cancelado, pero el QR de esta orden no se puede retirar: hasta que venza, un cliente que lo tenga todavía puede pagar, y ese pago completa la venta.</translation>
    </message>
    <message>
        <source>The order expired unpaid; you can charge the sale again.</source>
        <translation>La orden venció sin pagar; puede cobrar la venta de nuevo.</translation>
    </message>
    <message>
        <source>The order could not be placed on the QR; you can charge the sale again.</source>
        <translation>No se pudo publicar la orden en el QR; puede cobrar la venta de nuevo.</translation>
    </message>
    <message>
        <source>The payment could not be confirmed: a supervisor must review this sale.</source>
        <translation>No se pudo confirmar el pago: un supervisor debe revisar esta venta.</translation>
    </message>
    <message>
        <source>A supervisor marked this attempt as not paid.</source>
        <translation>Un supervisor marcó este intento como no pagado.</translation>
    </message>
    <message>
        <source>Paid.</source>
        <translation>Pagado.</translation>
    </message>
    <message>
        <source>Mercado Pago closed the order but the amounts paid do not match the total: a supervisor must review it.</source>
        <translation>Mercado Pago cerró la orden, pero los montos pagados no coinciden con el total: un supervisor debe revisarla.</translation>
    </message>
    <message>
        <source>The order expired unpaid.</source>
        <translation>La orden venció sin pagar.</translation>
    </message>
    <message>
        <source>The payment was rejected: the customer may try again with another card or account.</source>
        <translation>El pago fue rechazado: el cliente puede intentar de nuevo con otra tarjeta o cuenta.</translation>
    </message>
    <message>
        <source>The customer scanned the QR.</source>
        <translation>El cliente escaneó el QR.</translation>
    </message>
    <message>
        <source>Waiting for the customer to scan the QR.</source>
        <translation>Esperando a que el cliente escanee el QR.</translation>
    </message>
    <message>
        <source>The payment was charged back: a supervisor must review this sale.</source>
        <translation>El pago tuvo un contracargo: un supervisor debe revisar esta venta.</translation>
    </message>
    <message>
        <source>The order was cancelled; nothing was paid.</source>
        <translation>La orden se canceló; no se pagó nada.</translation>
    </message>
    <message>
        <source>The payment failed and Mercado Pago closed the order; nothing was paid.</source>
        <translation>El pago falló y Mercado Pago cerró la orden; no se pagó nada.</translation>
    </message>
    <message>
        <source>The customer is paying.</source>
        <translation>El cliente está pagando.</translation>
    </message>
    <message>
        <source>Mercado Pago already shows a refund on this payment</source>
        <translation>Mercado Pago ya muestra una devolución en este pago</translation>
    </message>
    <message>
        <source>Mercado Pago could not be reached.</source>
        <translation>No se pudo conectar con Mercado Pago.</translation>
    </message>
    <message>
        <source>QR Cashier is still checking earlier sales with Mercado Pago; try again in a moment.</source>
        <translation>QR Cashier todavía está verificando ventas anteriores con Mercado Pago; intente de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Another sale&apos;s order is still on this register&apos;s QR: wait for it, or ask a supervisor to cancel it.</source>
        <translation>La orden de otra venta sigue en el QR de esta caja: espérela o pida a un supervisor que la cancele.</translation>
    </message>
    <message>
        <source>This sale belongs to another register.</source>
        <translation>Esta venta pertenece a otra caja.</translation>
    </message>
    <message>
        <source>This attempt belongs to another register.</source>
        <translation>Este intento pertenece a otra caja.</translation>
    </message>
    <message>
        <source>This payment belongs to another register.</source>
        <translation>Este pago pertenece a otra caja.</translation>
    </message>
    <message>
        <source>The order was not sent; the sale is kept: charge it again when the connection is back.</source>
        <translation>La orden no se envió; la venta se conserva: cóbrela de nuevo cuando vuelva la conexión.</translation>
    </message>
    <message>
        <source>Checking whether the order reached the QR.</source>
        <translation>Verificando si la orden llegó al QR.</translation>
    </message>
    <message>
        <source>The sale is kept; you can charge it again.</source>
        <translation>La venta se conserva; puede cobrarla de nuevo.</translation>
    </message>
    <message>
        <source>Something went wrong while sending the order; checking with Mercado Pago.</source>
        <translation>Algo falló al enviar la orden; consultando a Mercado Pago.</translation>
    </message>
    <message>
        <source>Still trying to place the order on the QR.</source>
        <translation>Todavía intentando publicar la orden en el QR.</translation>
    </message>
    <message>
        <source>The customer paid before the cancel took effect: the sale is paid and the receipt is printing.</source>
        <translation>El cliente pagó antes de que la cancelación tuviera efecto: la venta está pagada y el comprobante se está imprimiendo.</translation>
    </message>
    <message>
        <source>If they also paid another way, a supervisor should refund one payment.</source>
        <translation>Si además pagó de otra forma, un supervisor debe devolver uno de los pagos.</translation>
    </message>
    <message>
        <source>Print the receipt.</source>
        <translation>Imprima el comprobante.</translation>
    </message>
    <message>
        <source>Print the receipt copy.</source>
        <translation>Imprima la copia del comprobante.</translation>
    </message>
    <message>
        <source>Mercado Pago cancelled the order; nothing was paid.</source>
        <translation>Mercado Pago canceló la orden; no se pagó nada.</translation>
    </message>
    <message>
        <source>Mercado Pago has the order: the customer can scan and pay.</source>
        <translation>Mercado Pago tiene la orden: el cliente puede escanear y pagar.</translation>
    </message>
    <message>
        <source>Something went wrong while checking the payment; trying again.</source>
        <translation>Algo falló al verificar el pago; intentando de nuevo.</translation>
    </message>
    <message>
        <source>Checking again in a moment.</source>
        <translation>Se vuelve a consultar en un momento.</translation>
    </message>
    <message>
        <source>Mercado Pago could not be asked whether this sale was paid before its order expired: a supervisor must review it.</source>
        <translation>No se pudo consultar a Mercado Pago si esta venta se pagó antes de que venciera su orden: un supervisor debe revisarla.</translation>
    </message>
    <message>
        <source>Cancelled before the order was sent.</source>
        <translation>Cancelado antes de enviar la orden.</translation>
    </message>
    <message>
        <source>The cancel is not confirmed yet: the order may still be on the QR.</source>
        <translation>La cancelación todavía no está confirmada: la orden puede seguir en el QR.</translation>
    </message>
    <message>
        <source>QR Cashier keeps trying.</source>
        <translation>QR Cashier sigue intentándolo.</translation>
    </message>
    <message>
        <source>The refund is not confirmed yet; retrying uses the same key, so it can never be refunded twice.</source>
        <translation>La devolución todavía no está confirmada; al reintentar se usa la misma clave, así que nunca se puede devolver dos veces.</translation>
    </message>
    <message>
        <source>Could not check an earlier sale; it stays open and is checked again.</source>
        <translation>No se pudo verificar una venta anterior; queda abierta y se vuelve a verificar.</translation>
    </message>
    <message>
        <source>QR Cashier stopped before this order was sent; the sale is kept: charge it again.</source>
        <translation>QR Cashier se detuvo antes de enviar esta orden; la venta se conserva: cóbrela de nuevo.</translation>
    </message>
    <message>
        <source>QR Cashier stopped while sending this order; checking with Mercado Pago.</source>
        <translation>QR Cashier se detuvo mientras enviaba esta orden; consultando a Mercado Pago.</translation>
    </message>
    <message>
        <source>An earlier sale is still being checked.</source>
        <translation>Todavía se está verificando una venta anterior.</translation>
    </message>
    <message>
        <source>Mercado Pago shows this sale paid: it is marked paid and the receipt is printing.</source>
        <translation>Mercado Pago muestra esta venta como pagada: se marca como pagada y el comprobante se está imprimiendo.</translation>
    </message>
    <message>
        <source>A supervisor confirmed the payment: the receipt is printing.</source>
        <translation>Un supervisor confirmó el pago: el comprobante se está imprimiendo.</translation>
    </message>
    <message>
        <source>A supervisor must first review this sale&apos;s earlier payment attempt: it may have been paid.</source>
        <translation>Primero un supervisor debe revisar el intento de pago anterior de esta venta: puede que se haya pagado.</translation>
    </message>
    <message>
        <source>Another order is still on this register&apos;s QR: wait for it to finish or cancel it first.</source>
        <translation>Otra orden sigue en el QR de esta caja: espere a que termine o cancélela primero.</translation>
    </message>
    <message>
        <source>Another order is still on this register&apos;s QR.</source>
        <translation>Otra orden sigue en el QR de esta caja.</translation>
    </message>
    <message>
        <source>A refund must be greater than zero.</source>
        <translation>Una devolución debe ser mayor que cero.</translation>
    </message>
    <message>
        <source>Only a paid sale has a receipt to reprint.</source>
        <translation>Solo una venta pagada tiene un comprobante para reimprimir.</translation>
    </message>
    <message>
        <source>This sale has an order on the QR or awaiting review: it cannot be discarded.</source>
        <translation>Esta venta tiene una orden en el QR o pendiente de revisión: no se puede descartar.</translation>
    </message>
    <message>
        <source>Mercado Pago could not complete the request.</source>
        <translation>Mercado Pago no pudo completar la solicitud.</translation>
    </message>
    <message>
        <source>Mercado Pago rejected the request as invalid.</source>
        <translation>Mercado Pago rechazó la solicitud por no ser válida.</translation>
    </message>
    <message>
        <source>The access token was refused (401). It may be wrong, revoked or expired: ask a supervisor to enter a valid token in Settings.</source>
        <translation>El token de acceso fue rechazado (401). Puede ser incorrecto, haber sido revocado o haber vencido: pida a un supervisor que ingrese un token válido en Configuración.</translation>
    </message>
    <message>
        <source>There is no access token on this computer: ask a supervisor to enter one in Settings.</source>
        <translation>No hay un token de acceso en esta computadora: pida a un supervisor que ingrese uno en Configuración.</translation>
    </message>
    <message>
        <source>This Mercado Pago account is not allowed to do this (403): check that the QR product is enabled and that the token belongs to this store&apos;s account.</source>
        <translation>Esta cuenta de Mercado Pago no tiene permiso para hacer esto (403): revise que el producto QR esté habilitado y que el token sea de la cuenta de esta sucursal.</translation>
    </message>
    <message>
        <source>Mercado Pago does not know this resource (404).</source>
        <translation>Mercado Pago no conoce este recurso (404).</translation>
    </message>
    <message>
        <source>Mercado Pago does not know this register&apos;s POS (404): check the store and POS ids in Settings (the POS external id, not its number).</source>
        <translation>Mercado Pago no conoce el POS de esta caja (404): revise los ID de sucursal y de POS en Configuración (el ID externo del POS, no su número).</translation>
    </message>
    <message>
        <source>Mercado Pago refused the request because it conflicts with an earlier one (409).</source>
        <translation>Mercado Pago rechazó la solicitud porque entra en conflicto con una anterior (409).</translation>
    </message>
    <message>
        <source>Mercado Pago asked us to slow down (429); retrying shortly.</source>
        <translation>Mercado Pago pidió bajar el ritmo (429); se reintenta en breve.</translation>
    </message>
    <message>
        <source>Mercado Pago is having trouble right now (server error); retrying shortly.</source>
        <translation>Mercado Pago tiene problemas en este momento (error del servidor); se reintenta en breve.</translation>
    </message>
    <message>
        <source>Mercado Pago did not answer in time; checking again.</source>
        <translation>Mercado Pago no respondió a tiempo; se vuelve a consultar.</translation>
    </message>
    <message>
        <source>Cannot reach Mercado Pago: check the internet connection.</source>
        <translation>No se puede conectar con Mercado Pago: revise la conexión a internet.</translation>
    </message>
    <message>
        <source>Mercado Pago sent an unreadable answer; checking again.</source>
        <translation>Mercado Pago envió una respuesta ilegible; se vuelve a consultar.</translation>
    </message>
    <message>
        <source>The quantity must be a whole number.</source>
        <translation>La cantidad debe ser un número entero.</translation>
    </message>
    <message>
        <source>The quantity must be at least 1.</source>
        <translation>La cantidad debe ser al menos 1.</translation>
    </message>
    <message>
        <source>The cart is empty: add at least one item.</source>
        <translation>El carrito está vacío: agregue al menos un artículo.</translation>
    </message>
    <message>
        <source>The total must be greater than zero.</source>
        <translation>El total debe ser mayor que cero.</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>Ingrese un monto.</translation>
    </message>
    <message>
        <source>The amount must be a finite number.</source>
        <translation>El monto debe ser un número finito.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>El monto no puede ser negativo.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>El monto debe ser mayor que cero.</translation>
    </message>
    <message>
        <source>The PIN is digits only.</source>
        <translation>El PIN tiene solo dígitos.</translation>
    </message>
    <message>
        <source>A PIN of one repeated digit is too easy to guess.</source>
        <translation>Un PIN de un solo dígito repetido es demasiado fácil de adivinar.</translation>
    </message>
    <message>
        <source>A PIN of consecutive digits (like 1234) is too easy to guess.</source>
        <translation>Un PIN de dígitos consecutivos (como 1234) es demasiado fácil de adivinar.</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>Los dos PIN no coinciden.</translation>
    </message>
    <message>
        <source>This computer has no secure password store running (no Secret Service or KWallet), so QR Cashier cannot save the access token; it will never save it in a plain file.</source>
        <translation>Esta computadora no tiene ningún almacén de contraseñas seguro en funcionamiento (ni Secret Service ni KWallet), así que QR Cashier no puede guardar el token de acceso; nunca lo va a guardar en un archivo de texto.</translation>
    </message>
    <message>
        <source>Start the system&apos;s password store (on Linux: GNOME Keyring, KWallet or KeePassXC with its Secret Service turned on, inside a logged-in desktop session), then press Check again.</source>
        <translation>Inicie el almacén de contraseñas del sistema (en Linux: GNOME Keyring, KWallet o KeePassXC con su Secret Service activado, dentro de una sesión de escritorio iniciada) y presione Verificar de nuevo.</translation>
    </message>
    <message>
        <source>Keep the token for this session only: it stays in memory and is asked for again at the next start.</source>
        <translation>Guardar el token solo para esta sesión: queda en memoria y se vuelve a pedir en el próximo inicio.</translation>
    </message>
    <message>
        <source>Or try QR Cashier with the sandbox, which needs no token.</source>
        <translation>O pruebe QR Cashier con el sandbox, que no necesita token.</translation>
    </message>
    <message>
        <source>That is too long to be a Mercado Pago access token: copy only the token.</source>
        <translation>Es demasiado largo para ser un token de acceso de Mercado Pago: copie solo el token.</translation>
    </message>
    <message>
        <source>There is no secure place to save the access token.</source>
        <translation>No hay ningún lugar seguro donde guardar el token de acceso.</translation>
    </message>
    <message>
        <source>An access token is a single word with no spaces.</source>
        <translation>Un token de acceso es una sola palabra sin espacios.</translation>
    </message>
    <message>
        <source>No supervisor PIN is set: set one in Settings first.</source>
        <translation>No hay un PIN de supervisor configurado: configure uno primero en Configuración.</translation>
    </message>
    <message>
        <source>PIN accepted.</source>
        <translation>PIN aceptado.</translation>
    </message>
    <message>
        <source>Wrong PIN: 1 more try before a pause.</source>
        <translation>PIN incorrecto: queda 1 intento antes de una pausa.</translation>
    </message>
    <message>
        <source>Mercado Pago rejected the request: %1.</source>
        <translation>Mercado Pago rechazó la solicitud: %1.</translation>
    </message>
    <message>
        <source>This cart is in %1; this register charges in %2.</source>
        <translation>Este carrito está en %1; esta caja cobra en %2.</translation>
    </message>
    <message>
        <source>Mercado Pago shows a payment for %1, which is already %2: a supervisor should refund it or settle the sale.</source>
        <translation>Mercado Pago muestra un pago para %1, que ya está en estado %2: un supervisor debe devolverlo o resolver la venta.</translation>
    </message>
    <message>
        <source>The customer paid just after the order was %1: the sale is paid and the receipt is printing.</source>
        <translation>El cliente pagó justo después de que la orden quedara en estado %1: la venta está pagada y el comprobante se está imprimiendo.</translation>
    </message>
    <message>
        <source>Sale %1: %2.</source>
        <translation>Venta %1: %2.</translation>
    </message>
    <message>
        <source>Mercado Pago approved %1 more than the total</source>
        <translation>Mercado Pago aprobó %1 más que el total</translation>
    </message>
    <message>
        <source>Sale %1 was already paid, and the customer paid again (payment %2): a supervisor should refund the extra payment.</source>
        <translation>La venta %1 ya estaba pagada y el cliente volvió a pagar (pago %2): un supervisor debe devolver el pago de más.</translation>
    </message>
    <message>
        <source>Could not remove the order from the QR: %1</source>
        <translation>No se pudo quitar la orden del QR: %1</translation>
    </message>
    <message>
        <source>Checking again in %1 s.</source>
        <translation>Se vuelve a consultar en %1 s.</translation>
    </message>
    <message>
        <source>The final read after expiry failed: %1</source>
        <translation>Falló la última consulta después del vencimiento: %1</translation>
    </message>
    <message>
        <source>Payment %1 is already refunded in full.</source>
        <translation>El pago %1 ya se devolvió por completo.</translation>
    </message>
    <message>
        <source>Mercado Pago refused the refund: %1</source>
        <translation>Mercado Pago rechazó la devolución: %1</translation>
    </message>
    <message>
        <source>Refunded %1.</source>
        <translation>Se devolvieron %1.</translation>
    </message>
    <message>
        <source>Mercado Pago is processing the refund of %1.</source>
        <translation>Mercado Pago está procesando la devolución de %1.</translation>
    </message>
    <message>
        <source>This attempt is %1, not awaiting review.</source>
        <translation>Este intento está en estado %1, no pendiente de revisión.</translation>
    </message>
    <message>
        <source>%1 was received for it: refund it from the payments list.</source>
        <translation>Se recibieron %1 por él: devuélvalo desde la lista de pagos.</translation>
    </message>
    <message>
        <source>Only %1 of %2 was paid: a supervisor must review this sale.</source>
        <translation>Solo se pagaron %1 de %2: un supervisor debe revisar esta venta.</translation>
    </message>
    <message>
        <source>Mercado Pago&apos;s order %1 belongs to another sale: a supervisor must review it.</source>
        <translation>La orden %1 de Mercado Pago pertenece a otra venta: un supervisor debe revisarla.</translation>
    </message>
    <message>
        <source>There is no sale %1 in the journal.</source>
        <translation>No hay ninguna venta %1 en el registro.</translation>
    </message>
    <message>
        <source>There is no payment attempt %1 in the journal.</source>
        <translation>No hay ningún intento de pago %1 en el registro.</translation>
    </message>
    <message>
        <source>This sale is %1 and cannot be charged again.</source>
        <translation>Esta venta está en estado %1 y no se puede volver a cobrar.</translation>
    </message>
    <message>
        <source>This sale is %1: it cannot be discarded.</source>
        <translation>Esta venta está en estado %1: no se puede descartar.</translation>
    </message>
    <message>
        <source>Cannot refund %1: only %2 of payment %3 is paid and not yet refunded.</source>
        <translation>No se pueden devolver %1: del pago %3 solo quedan %2 pagados sin devolver.</translation>
    </message>
    <message>
        <source>Payment %1 is not recorded for any sale of this register.</source>
        <translation>El pago %1 no está registrado en ninguna venta de esta caja.</translation>
    </message>
    <message>
        <source>The journal was written by a newer QR Cashier (schema %1, this one knows %2): update the app; the file was left untouched.</source>
        <translation>El registro fue escrito por un QR Cashier más nuevo (esquema %1; este conoce hasta el %2): actualice la aplicación; el archivo no se modificó.</translation>
    </message>
    <message>
        <source>The quantity is above the limit of %1.</source>
        <translation>La cantidad supera el límite de %1.</translation>
    </message>
    <message>
        <source>The total is above the limit of %1.</source>
        <translation>El total supera el límite de %1.</translation>
    </message>
    <message>
        <source>The total would be above the limit of %1.</source>
        <translation>El total superaría el límite de %1.</translation>
    </message>
    <message>
        <source>The amount is above the limit of %1.</source>
        <translation>El monto supera el límite de %1.</translation>
    </message>
    <message>
        <source>The cart is full (%1 lines).</source>
        <translation>El carrito está lleno (%1 líneas).</translation>
    </message>
    <message>
        <source>%1 is not a number.</source>
        <translation>%1 no es un número.</translation>
    </message>
    <message>
        <source>%1 is ambiguous: use one decimal separator.</source>
        <translation>%1 es ambiguo: use un solo separador decimal.</translation>
    </message>
    <message>
        <source>%1 amounts are whole numbers.</source>
        <translation>Los montos en %1 son números enteros.</translation>
    </message>
    <message>
        <source>%1 amounts have at most %2 decimals.</source>
        <translation>Los montos en %1 tienen como máximo %2 decimales.</translation>
    </message>
    <message>
        <source>The PIN has %1 to %2 digits.</source>
        <translation>El PIN tiene de %1 a %2 dígitos.</translation>
    </message>
    <message>
        <source>The access token could not be read from %1: unlock it and try again.</source>
        <translation>No se pudo leer el token de acceso de %1: desbloquéelo e intente de nuevo.</translation>
    </message>
    <message>
        <source>The access token could not be saved in %1: unlock it and try again.</source>
        <translation>No se pudo guardar el token de acceso en %1: desbloquéelo e intente de nuevo.</translation>
    </message>
    <message>
        <source>The access token could not be removed from %1: unlock it and try again.</source>
        <translation>No se pudo eliminar el token de acceso de %1: desbloquéelo e intente de nuevo.</translation>
    </message>
    <message>
        <source>The system&apos;s password store (%1) cannot be used, so QR Cashier cannot save the access token; it will never save it in a plain file.</source>
        <translation>No se puede usar el almacén de contraseñas del sistema (%1), así que QR Cashier no puede guardar el token de acceso; nunca lo va a guardar en un archivo de texto.</translation>
    </message>
    <message>
        <source>Give the token to QR Cashier through the %1 environment variable (for example from the service manager that starts it); QR Cashier reads it and never writes it anywhere.</source>
        <translation>Pase el token a QR Cashier con la variable de entorno %1 (por ejemplo desde el administrador de servicios que lo inicia); QR Cashier la lee y nunca la escribe en ningún lado.</translation>
    </message>
    <message>
        <source>The store id %1 is not valid: use 1 to 60 letters and digits, no spaces.</source>
        <translation>El ID de sucursal %1 no es válido: use de 1 a 60 letras y números, sin espacios.</translation>
    </message>
    <message>
        <source>The register (POS) id %1 is not valid: use 1 to 39 letters and digits, no spaces or hyphens.</source>
        <translation>El ID de la caja (POS) %1 no es válido: use de 1 a 39 letras y números, sin espacios ni guiones.</translation>
    </message>
    <message>
        <source>The register %1 already belongs to another store (%2); choose another register id or store.</source>
        <translation>La caja %1 ya pertenece a otra sucursal (%2); elija otro ID de caja u otra sucursal.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: try again in %1 seconds.</source>
        <translation>Demasiados PIN incorrectos: intente de nuevo en %1 segundos.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: try again in %1 minutes.</source>
        <translation>Demasiados PIN incorrectos: intente de nuevo en %1 minutos.</translation>
    </message>
    <message>
        <source>Wrong PIN. Too many wrong PINs: wait %1 seconds.</source>
        <translation>PIN incorrecto. Demasiados PIN incorrectos: espere %1 segundos.</translation>
    </message>
    <message>
        <source>Wrong PIN. Too many wrong PINs: wait %1 minutes.</source>
        <translation>PIN incorrecto. Demasiados PIN incorrectos: espere %1 minutos.</translation>
    </message>
    <message>
        <source>Wrong PIN: %1 more tries before a pause.</source>
        <translation>PIN incorrecto: quedan %1 intentos antes de una pausa.</translation>
    </message>
    <message>
        <source>%1 rows read: %2 added, %3 updated, %4 rejected.</source>
        <translation>%1 filas leídas: %2 agregadas, %3 actualizadas, %4 rechazadas.</translation>
    </message>
    <message>
        <source>Nothing imported: %1</source>
        <translation>No se importó nada: %1</translation>
    </message>
    <message>
        <source>%1 of this sale is paid; %2 is left to pay: charge the rest.</source>
        <translation>Se pagaron %1 de esta venta; faltan %2: cobre el resto.</translation>
    </message>
    <message>
        <source>A part of %1 must be more than zero and less than the %2 left to pay.</source>
        <translation>Una parte de %1 tiene que ser mayor que cero y menor que los %2 que faltan pagar.</translation>
    </message>
    <message>
        <source>Part of this sale is paid (%1): charge the rest, or refund that part before discarding the sale.</source>
        <translation>Parte de esta venta está pagada (%1): cobre el resto, o devuelva esa parte antes de descartar la venta.</translation>
    </message>
    <message>
        <source>Part of sale %1 is paid and the rest is not: charge the rest, or refund that part and discard the sale, before closing the shift.</source>
        <translation>Parte de la venta %1 está pagada y el resto no: cobre el resto, o devuelva esa parte y descarte la venta, antes de cerrar el turno.</translation>
    </message>
    <message>
        <source>Paid by card.</source>
        <translation>Pagado con tarjeta.</translation>
    </message>
    <message>
        <source>The customer is paying on the card terminal.</source>
        <translation>El cliente está pagando en la terminal.</translation>
    </message>
    <message>
        <source>Waiting for the card terminal to show the order.</source>
        <translation>Esperando que la terminal muestre el cobro.</translation>
    </message>
    <message>
        <source>Checking whether the card order reached the terminal.</source>
        <translation>Verificando si el cobro llegó a la terminal.</translation>
    </message>
    <message>
        <source>Cancelled on the card terminal; nothing was paid.</source>
        <translation>Cancelado en la terminal; no se pagó nada.</translation>
    </message>
    <message>
        <source>The card order was cancelled; nothing was paid.</source>
        <translation>El cobro con tarjeta se canceló; no se pagó nada.</translation>
    </message>
    <message>
        <source>The card order expired on the terminal unpaid.</source>
        <translation>El cobro con tarjeta venció en la terminal sin pagarse.</translation>
    </message>
    <message>
        <source>The terminal&apos;s payment does not match the total: a supervisor must review it.</source>
        <translation>El pago de la terminal no coincide con el total: un supervisor tiene que revisarlo.</translation>
    </message>
    <message>
        <source>The card terminal asks to check the payment there: a supervisor must look at the terminal and settle this sale.</source>
        <translation>La terminal pide verificar el pago en ella: un supervisor tiene que mirar la terminal y resolver esta venta.</translation>
    </message>
    <message>
        <source>Mercado Pago already shows a refund on this card payment</source>
        <translation>Mercado Pago ya muestra una devolución de este pago con tarjeta</translation>
    </message>
    <message>
        <source>Mercado Pago already has a card order for this attempt that differs from the one sent.</source>
        <translation>Mercado Pago ya tiene un cobro con tarjeta para este intento distinto del enviado.</translation>
    </message>
    <message>
        <source>The card was declined (insufficient funds): charge again or take another tender.</source>
        <translation>La tarjeta fue rechazada (fondos insuficientes): cobre de nuevo o con otro medio.</translation>
    </message>
    <message>
        <source>The card was declined (refused for risk): charge again or take another tender.</source>
        <translation>La tarjeta fue rechazada (por riesgo): cobre de nuevo o con otro medio.</translation>
    </message>
    <message>
        <source>The card was declined (card disabled): charge again or take another tender.</source>
        <translation>La tarjeta fue rechazada (tarjeta inhabilitada): cobre de nuevo o con otro medio.</translation>
    </message>
    <message>
        <source>The card was declined (card data wrong): charge again or take another tender.</source>
        <translation>La tarjeta fue rechazada (datos de la tarjeta erróneos): cobre de nuevo o con otro medio.</translation>
    </message>
    <message>
        <source>The card was declined (the bank asks for a call to authorize): charge again or take another tender.</source>
        <translation>La tarjeta fue rechazada (el banco pide llamar para autorizar): cobre de nuevo o con otro medio.</translation>
    </message>
    <message>
        <source>The card was declined (too many attempts): charge again or take another tender.</source>
        <translation>La tarjeta fue rechazada (demasiados intentos): cobre de nuevo o con otro medio.</translation>
    </message>
    <message>
        <source>The card was declined (amount over the card&apos;s limit): charge again or take another tender.</source>
        <translation>La tarjeta fue rechazada (importe mayor al límite de la tarjeta): cobre de nuevo o con otro medio.</translation>
    </message>
    <message>
        <source>The card was declined (installments not allowed): charge again or take another tender.</source>
        <translation>La tarjeta fue rechazada (cuotas no permitidas): cobre de nuevo o con otro medio.</translation>
    </message>
    <message>
        <source>The card was declined (processing error): charge again or take another tender.</source>
        <translation>La tarjeta fue rechazada (error de procesamiento): cobre de nuevo o con otro medio.</translation>
    </message>
    <message>
        <source>The card was declined (declined): charge again or take another tender.</source>
        <translation>La tarjeta fue rechazada: cobre de nuevo o con otro medio.</translation>
    </message>
    <message>
        <source>The terminal is confirming the cancel; if the customer pays first, the sale is paid.</source>
        <translation>La terminal está confirmando la cancelación; si el cliente paga antes, la venta queda pagada.</translation>
    </message>
    <message>
        <source>The order is on the card terminal: cancel it on the terminal. If the customer pays first, the sale is paid.</source>
        <translation>El cobro ya está en la terminal: cancélelo en la terminal. Si el cliente paga antes, la venta queda pagada.</translation>
    </message>
    <message>
        <source>This register has no card terminal: choose one in Settings, or take another tender.</source>
        <translation>Esta caja no tiene terminal de tarjetas: elija una en Configuración o cobre con otro medio.</translation>
    </message>
    <message>
        <source>The card terminal already has an order waiting: finish or cancel it on the terminal, then try again.</source>
        <translation>La terminal ya tiene un cobro esperando: termínelo o cancélelo en la terminal y vuelva a intentar.</translation>
    </message>
    <message>
        <source>This card terminal is not linked to this Mercado Pago account: choose the register&apos;s terminal in Settings.</source>
        <translation>Esta terminal no está vinculada a esta cuenta de Mercado Pago: elija la terminal de la caja en Configuración.</translation>
    </message>
    <message>
        <source>The card terminal is not in PDV (integrated) mode: switch it in Settings and restart the terminal.</source>
        <translation>La terminal no está en modo PDV (integrado): cámbielo en Configuración y reinicie la terminal.</translation>
    </message>
    <message>
        <source>The card terminal has no store and POS in Mercado Pago: assign it to this register&apos;s POS.</source>
        <translation>La terminal no tiene sucursal ni caja en Mercado Pago: asígnela a la caja de este punto de venta.</translation>
    </message>
    <message>
        <source>Mercado Pago does not know this card terminal (404): check the terminal in Settings.</source>
        <translation>Mercado Pago no conoce esta terminal (404): revise la terminal en Configuración.</translation>
    </message>
    <message>
        <source>The order is already on the card terminal: cancel it on the terminal.</source>
        <translation>El cobro ya está en la terminal: cancélelo en la terminal.</translation>
    </message>
    <message>
        <source>The card order was already cancelled.</source>
        <translation>El cobro con tarjeta ya estaba cancelado.</translation>
    </message>
    <message>
        <source>This POS already has a terminal in PDV mode: only one per POS is allowed.</source>
        <translation>Esta caja ya tiene una terminal en modo PDV: solo se permite una por caja.</translation>
    </message>
    <message>
        <source>Mercado Pago refused the card refund in the order&apos;s current state.</source>
        <translation>Mercado Pago rechazó la devolución con tarjeta en el estado actual del cobro.</translation>
    </message>
    <message>
        <source>Paid by card (other terminal).</source>
        <translation>Pagado con tarjeta (otro posnet).</translation>
    </message>
    <message>
        <source>The last four digits are four digits (0-9).</source>
        <translation>Los últimos cuatro dígitos son cuatro números (0-9).</translation>
    </message>
    <message>
        <source>The authorization code is 1 to 12 letters or digits.</source>
        <translation>El código de autorización tiene de 1 a 12 letras o números.</translation>
    </message>
    <message>
        <source>Installments are a whole number from 1 to 99.</source>
        <translation>Las cuotas son un número entero de 1 a 99.</translation>
    </message>
    <message>
        <source>Nothing is due by card.</source>
        <translation>No hay nada para cobrar con tarjeta.</translation>
    </message>
    <message>
        <source>No code.</source>
        <translation>Sin código.</translation>
    </message>
    <message>
        <source>Code %1 must be 1-32 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;.</source>
        <translation>El código %1 debe tener de 1 a 32 letras, dígitos, &apos;-&apos;, &apos;_&apos; o &apos;.&apos;.</translation>
    </message>
    <message>
        <source>No name.</source>
        <translation>Sin nombre.</translation>
    </message>
    <message>
        <source>Name longer than %1 characters.</source>
        <translation>Nombre de más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Price: %1.</source>
        <translation>Precio: %1.</translation>
    </message>
    <message>
        <source>Barcode %1 is not a valid EAN/UPC (length or check digit).</source>
        <translation>El código de barras %1 no es un EAN/UPC válido (largo o dígito verificador).</translation>
    </message>
    <message>
        <source>Unknown unit %1 (use unit, kg, g, l or m).</source>
        <translation>Unidad desconocida %1 (use unit, kg, g, l o m).</translation>
    </message>
    <message>
        <source>VAT rate: %1.</source>
        <translation>Alícuota de IVA: %1.</translation>
    </message>
    <message>
        <source>Code %1 repeats line %2.</source>
        <translation>El código %1 repite la línea %2.</translation>
    </message>
    <message>
        <source>Barcode %1 repeats line %2.</source>
        <translation>El código de barras %1 repite la línea %2.</translation>
    </message>
    <message>
        <source>Unreadable row (%1).</source>
        <translation>Fila ilegible (%1).</translation>
    </message>
    <message>
        <source>The header has no %1 column (found: %2).</source>
        <translation>El encabezado no tiene la columna %1 (se encontró: %2).</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something unexpected went wrong. Sales already saved are safe; try again, and if it happens again restart QR Cashier and tell support.</source>
        <translation>Ocurrió algo inesperado. Las ventas ya guardadas están a salvo; intente de nuevo y, si vuelve a pasar, reinicie QR Cashier y avise a soporte.</translation>
    </message>
    <message>
        <source>The sales journal on this computer could not be written. Do not charge until this is fixed: check the free disk space, then restart QR Cashier.</source>
        <translation>No se pudo escribir el registro de ventas en esta computadora. No cobre hasta que esto se resuelva: revise el espacio libre en disco y reinicie QR Cashier.</translation>
    </message>
    <message>
        <source>A file could not be read or written (%1); check the path and try again.</source>
        <translation>No se pudo leer o escribir un archivo (%1); revise la ruta e intente de nuevo.</translation>
    </message>
    <message>
        <source>QR Cashier</source>
        <translation>QR Cashier</translation>
    </message>
</context>
<context>
    <name>setup</name>
    <message>
        <source>Mercado Pago › Your integrations › your application › Production credentials › Access token</source>
        <translation>Mercado Pago › Tus integraciones › tu aplicación › Credenciales de producción › Access Token</translation>
    </message>
    <message>
        <source>Mercado Pago refused this access token (401): it is wrong, revoked or expired, so copy it again from Your integrations › Credentials.</source>
        <translation>Mercado Pago rechazó este token de acceso (401): es incorrecto, fue revocado o venció; cópielo de nuevo desde Tus integraciones › Credenciales.</translation>
    </message>
    <message>
        <source>The token works but this account may not use in-store QR payments (403): enable QR payments for the account, or use the token of the account that owns the store.</source>
        <translation>El token funciona, pero esta cuenta no puede usar pagos con QR presencial (403): habilite los pagos con QR en la cuenta o use el token de la cuenta dueña de la sucursal.</translation>
    </message>
    <message>
        <source>Mercado Pago does not recognise what was asked with this token (404): check that you copied the access token, not the public key or the client id.</source>
        <translation>Mercado Pago no reconoce lo que se pidió con este token (404): revise que copió el token de acceso y no la clave pública ni el client id.</translation>
    </message>
    <message>
        <source>Mercado Pago could not be reached: check this computer&apos;s internet connection (and any proxy or firewall), then press Check again.</source>
        <translation>No se pudo conectar con Mercado Pago: revise la conexión a internet de esta computadora (y cualquier proxy o firewall) y presione Verificar de nuevo.</translation>
    </message>
    <message>
        <source>Mercado Pago did not answer in time: check the internet connection, then press Check again.</source>
        <translation>Mercado Pago no respondió a tiempo: revise la conexión a internet y presione Verificar de nuevo.</translation>
    </message>
    <message>
        <source>That is a public key, not an access token: copy the Access token from Your integrations › Credentials.</source>
        <translation>Eso es una clave pública, no un token de acceso: copie el Access Token desde Tus integraciones › Credenciales.</translation>
    </message>
    <message>
        <source>An access token is one word with no spaces: paste it again.</source>
        <translation>Un token de acceso es una sola palabra sin espacios: péguelo de nuevo.</translation>
    </message>
    <message>
        <source>This is a TEST account token: payments are simulated, so use it to try QR Cashier, not for real sales.</source>
        <translation>Este es un token de una cuenta de PRUEBA: los pagos son simulados, así que úselo para probar QR Cashier, no para ventas reales.</translation>
    </message>
    <message>
        <source>Type the public URL Mercado Pago will call for this register: the https address of your reverse proxy.</source>
        <translation>Escriba la URL pública que Mercado Pago llamará para esta caja: la dirección https de su proxy inverso.</translation>
    </message>
    <message>
        <source>The public URL is not a web address Mercado Pago can call: type it whole, like https://pay.example.com/mp/unattended, with no spaces.</source>
        <translation>La URL pública no es una dirección web que Mercado Pago pueda llamar: escríbala completa, como https://pay.example.com/mp/unattended, sin espacios.</translation>
    </message>
    <message>
        <source>Mercado Pago calls self-service registers over the internet, so the public URL must be an https:// address.</source>
        <translation>Mercado Pago llama a las cajas de autoservicio por internet, así que la URL pública debe ser una dirección https://.</translation>
    </message>
    <message>
        <source>With this public URL the register&apos;s URL would be longer than the 299 characters Mercado Pago allows: use a shorter one.</source>
        <translation>Con esta URL pública, la URL de la caja superaría los 299 caracteres que permite Mercado Pago: use una más corta.</translation>
    </message>
    <message>
        <source>Mercado Pago refused to give the register this URL (403): its domain is not enabled for self-service on this account, so ask your Mercado Pago contact to enable it.</source>
        <translation>Mercado Pago rechazó asignar esta URL a la caja (403): su dominio no está habilitado para autoservicio en esta cuenta, así que pida a su contacto de Mercado Pago que lo habilite.</translation>
    </message>
    <message>
        <source>Mercado Pago did not accept this URL for the register (400): check the public URL, then press Check and create again.</source>
        <translation>Mercado Pago no aceptó esta URL para la caja (400): revise la URL pública y presione Verificar y crear de nuevo.</translation>
    </message>
    <message>
        <source>Mercado Pago could not be reached to set up the self-service register: check this computer&apos;s internet connection, then press Check and create again.</source>
        <translation>No se pudo conectar con Mercado Pago para configurar la caja de autoservicio: revise la conexión a internet de esta computadora y presione Verificar y crear de nuevo.</translation>
    </message>
    <message>
        <source>Mercado Pago did not answer in time while setting up the self-service register: check the internet connection, then press Check and create again.</source>
        <translation>Mercado Pago no respondió a tiempo al configurar la caja de autoservicio: revise la conexión a internet y presione Verificar y crear de nuevo.</translation>
    </message>
    <message>
        <source>A self-service register uses In-store orders v2 with the register&apos;s printed QR: choose them under Advanced.</source>
        <translation>Una caja de autoservicio usa Órdenes presenciales v2 con el QR impreso de la caja: elíjalos en Avanzado.</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>usuario %1</translation>
    </message>
    <message>
        <source>Connected to %1 (user %2, site %3).</source>
        <translation>Conectado a %1 (usuario %2, sitio %3).</translation>
    </message>
    <message>
        <source>There is no access token yet: paste one on the Mercado Pago account page.</source>
        <translation>Todavía no hay un token de acceso: pegue uno en la página de la cuenta de Mercado Pago.</translation>
    </message>
    <message>
        <source>There is no secure place for the token.</source>
        <translation>No hay ningún lugar seguro para el token.</translation>
    </message>
    <message>
        <source>kept in memory for this session only</source>
        <translation>guardado en memoria solo para esta sesión</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin configurar</translation>
    </message>
    <message>
        <source>saved in %1</source>
        <translation>guardado en %1</translation>
    </message>
    <message>
        <source>read from the %1 environment variable</source>
        <translation>leído de la variable de entorno %1</translation>
    </message>
    <message>
        <source>in %1, which is locked</source>
        <translation>en %1, que está bloqueado</translation>
    </message>
    <message>
        <source>open Settings</source>
        <translation>abrir la Configuración</translation>
    </message>
</context>
</TS>
