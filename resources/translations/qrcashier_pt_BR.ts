<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AdvancedPage</name>
    <message>
        <source>In-store orders v2 (recommended)</source>
        <translation>Pedidos presenciais v2 (recomendado)</translation>
    </message>
    <message>
        <source>Orders API (/v1/orders)</source>
        <translation>API de Pedidos (/v1/orders)</translation>
    </message>
    <message>
        <source>Legacy in-store v1</source>
        <translation>Presencial v1 (antiga)</translation>
    </message>
    <message>
        <source>The register&apos;s printed QR</source>
        <translation>O QR impresso do caixa</translation>
    </message>
    <message>
        <source>A new QR for each sale, on the customer screen</source>
        <translation>Um QR novo para cada venda, na tela do cliente</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Ambos</translation>
    </message>
    <message>
        <source>202 Waiting for order (recommended)</source>
        <translation>202 Aguardando o pedido (recomendado)</translation>
    </message>
    <message>
        <source>400 unavailable (older docs)</source>
        <translation>400 indisponível (documentação anterior)</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>qualquer porta livre</translation>
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
        <translation>Endpoint de autoatendimento (a URL que o Mercado Pago chama)</translation>
    </message>
    <message>
        <source>Answer while there is no order</source>
        <translation>Resposta enquanto não há pedido</translation>
    </message>
    <message>
        <source>Port on this computer</source>
        <translation>Porta neste computador</translation>
    </message>
    <message>
        <source>e.g. CAJA2 (empty: a single register)</source>
        <translation>ex.: CAIXA2 (vazio: um único caixa)</translation>
    </message>
    <message>
        <source>e.g. http://192.168.0.10:8765 (empty: the built-in one)</source>
        <translation>ex.: http://192.168.0.10:8765 (vazio: o embutido)</translation>
    </message>
    <message>
        <source>Several registers</source>
        <translation>Vários caixas</translation>
    </message>
    <message>
        <source>This register</source>
        <translation>Este caixa</translation>
    </message>
    <message>
        <source>Shared sandbox (qrcashier-sandbox)</source>
        <translation>Sandbox compartilhado (qrcashier-sandbox)</translation>
    </message>
    <message>
        <source>Changes take effect the next time QR Cashier starts.</source>
        <translation>As alterações valem a partir da próxima vez que o QR Cashier for iniciado.</translation>
    </message>
</context>
<context>
    <name>AmountDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Order cancelled on the QR</source>
        <translation>Pedido cancelado no QR</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Reembolso</translation>
    </message>
    <message>
        <source>Review: marked paid</source>
        <translation>Revisão: marcada como paga</translation>
    </message>
    <message>
        <source>Review: voided</source>
        <translation>Revisão: anulada</translation>
    </message>
    <message>
        <source>Sale discarded</source>
        <translation>Venda descartada</translation>
    </message>
    <message>
        <source>Access token replaced</source>
        <translation>Token de acesso substituído</translation>
    </message>
    <message>
        <source>Access token removed</source>
        <translation>Token de acesso removido</translation>
    </message>
    <message>
        <source>Supervisor PIN changed</source>
        <translation>PIN do supervisor alterado</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Configurações alteradas</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>O quê</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Venda</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pagamento</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoria</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>%1 supervisor actions</source>
        <translation>%1 ações de supervisor</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exportar o registro de auditoria</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>%1 linhas exportadas para %2</translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message>
        <source>Cancel the order on the QR</source>
        <translation>Cancelar o pedido no QR</translation>
    </message>
    <message>
        <source>Cancel the order on the QR?</source>
        <translation>Cancelar o pedido no QR?</translation>
    </message>
    <message>
        <source>Sale for &lt;b&gt;%1&lt;/b&gt;, on the QR until %2. If the customer has already paid, the sale completes as paid and you will see it here.</source>
        <translation>Venda de &lt;b&gt;%1&lt;/b&gt;, no QR até %2. Se o cliente já pagou, a venda é concluída como paga e você verá isso aqui.</translation>
    </message>
    <message>
        <source>Why? (required)</source>
        <translation>Por quê? (obrigatório)</translation>
    </message>
    <message>
        <source>The customer left</source>
        <translation>O cliente foi embora</translation>
    </message>
    <message>
        <source>The customer pays another way</source>
        <translation>O cliente vai pagar de outra forma</translation>
    </message>
    <message>
        <source>Wrong amount</source>
        <translation>Valor errado</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Cancel the order…</source>
        <translation>Cancelar o pedido…</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Manter</translation>
    </message>
    <message>
        <source>Say why the order is cancelled: it goes in the audit log.</source>
        <translation>Informe por que o pedido é cancelado: isso fica no registro de auditoria.</translation>
    </message>
    <message>
        <source>cancel the order on the QR</source>
        <translation>cancelar o pedido no QR</translation>
    </message>
    <message>
        <source>Taking the order off the QR and checking for a last-second payment…</source>
        <translation>Retirando o pedido do QR e verificando se houve um pagamento de última hora…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>The customer paid before the cancel: the sale is PAID (%1). Hand over the receipt.</source>
        <translation>O cliente pagou antes do cancelamento: a venda está PAGA (%1). Entregue o comprovante.</translation>
    </message>
    <message>
        <source>The order was taken off the QR and nobody paid it. The sale is kept: charge it again or clear it.</source>
        <translation>O pedido foi retirado do QR e ninguém o pagou. A venda é mantida: cobre de novo ou esvazie-a.</translation>
    </message>
    <message>
        <source>The cancel is not confirmed yet; QR Cashier keeps trying.</source>
        <translation>O cancelamento ainda não foi confirmado; o QR Cashier continua tentando.</translation>
    </message>
    <message>
        <source>The order is %1.</source>
        <translation>O pedido está com status %1.</translation>
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
        <translation>Maquininha &amp;Point %1 (Mercado Pago): o valor é enviado a ela</translation>
    </message>
    <message>
        <source>&amp;Point terminal: this register has none (Settings)</source>
        <translation>Maquininha &amp;Point: este caixa não tem (Configurações)</translation>
    </message>
    <message>
        <source>&amp;Other card terminal: type what its slip says</source>
        <translation>&amp;Outra maquininha: digite o que diz o comprovante</translation>
    </message>
    <message>
        <source>Approval code (optional)</source>
        <translation>Código de autorização (opcional)</translation>
    </message>
    <message>
        <source>Last 4 digits (optional)</source>
        <translation>Últimos 4 dígitos (opcional)</translation>
    </message>
    <message>
        <source>Approval code</source>
        <translation>Código de autorização</translation>
    </message>
    <message>
        <source>Last 4 digits</source>
        <translation>Últimos 4 dígitos</translation>
    </message>
    <message>
        <source>Nothing is sent for another terminal: the sale is recorded as paid by card, and the drawer stays shut.</source>
        <translation>Com outra maquininha nada é enviado: a venda fica registrada como paga com cartão e a gaveta não abre.</translation>
    </message>
    <message>
        <source>Take the card</source>
        <translation>Receber no cartão</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qtd.</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Preço unit.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>the cart is locked while the customer pays: wait for the result, or cancel the charge (Esc) first</source>
        <translation>o carrinho fica bloqueado enquanto o cliente paga: aguarde o resultado ou cancele a cobrança antes (Esc)</translation>
    </message>
    <message>
        <source>%1 — code %2</source>
        <translation>%1 — código %2</translation>
    </message>
    <message>
        <source>select a line to remove</source>
        <translation>selecione uma linha para remover</translation>
    </message>
</context>
<context>
    <name>CashMoveDialog</name>
    <message>
        <source>Why (e.g. change from the bank, paid a supplier)</source>
        <translation>Por quê (ex.: troco do banco, pagamento a fornecedor)</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>Valor (%1)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Type the amount and the reason.</source>
        <translation>Digite o valor e o motivo.</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Cash counted in the drawer</source>
        <translation>Dinheiro contado na gaveta</translation>
    </message>
    <message>
        <source>Why the count differs</source>
        <translation>Por que a contagem não confere</translation>
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
        <translation>Diferença</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Fechar turno</translation>
    </message>
    <message>
        <source>Type the cash counted.</source>
        <translation>Digite o dinheiro contado.</translation>
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
        <translation>Quantos de %1</translation>
    </message>
    <message>
        <source>Counted by denomination: %1</source>
        <translation>Contado por cédula e moeda: %1</translation>
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
        <translation>dinâmico</translation>
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
        <translation>Versão</translation>
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
        <translation>API do Mercado Pago</translation>
    </message>
    <message>
        <source>Token store</source>
        <translation>Armazenamento do token</translation>
    </message>
    <message>
        <source>Last contact with Mercado Pago</source>
        <translation>Último contato com o Mercado Pago</translation>
    </message>
    <message>
        <source>Pending attempts</source>
        <translation>Tentativas pendentes</translation>
    </message>
    <message>
        <source>Sales journal</source>
        <translation>Registro de vendas</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Pasta de dados</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>Copiar para a área de transferência</translation>
    </message>
    <message>
        <source>Export support bundle…</source>
        <translation>Exportar pacote de suporte…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Attempts still live or waiting for a supervisor:</source>
        <translation>Tentativas ainda ativas ou aguardando um supervisor:</translation>
    </message>
    <message>
        <source>Sandbox (no real money)</source>
        <translation>Sandbox (sem dinheiro real)</translation>
    </message>
    <message>
        <source>Mercado Pago account</source>
        <translation>Conta do Mercado Pago</translation>
    </message>
    <message>
        <source>%1 (%2 QR)</source>
        <translation>%1 (QR %2)</translation>
    </message>
    <message>
        <source>No secure store: the token is not saved</source>
        <translation>Nenhum armazenamento seguro: o token não é salvo</translation>
    </message>
    <message>
        <source>%1: not secure, the token is not saved</source>
        <translation>%1: não é seguro, o token não é salvo</translation>
    </message>
    <message>
        <source>Not yet since QR Cashier started</source>
        <translation>Nenhum desde que o QR Cashier foi iniciado</translation>
    </message>
    <message>
        <source>%1 (%2 s ago)</source>
        <translation>%1 (há %2 s)</translation>
    </message>
    <message>
        <source>%1 live, %2 waiting for a supervisor</source>
        <translation>ativas: %1 · aguardando um supervisor: %2</translation>
    </message>
    <message>
        <source>%1 (not created yet)</source>
        <translation>%1 (ainda não criado)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nenhuma</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copiado para a área de transferência.</translation>
    </message>
    <message>
        <source>Export support bundle</source>
        <translation>Exportar pacote de suporte</translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation>Arquivos ZIP (*.zip)</translation>
    </message>
    <message>
        <source>Exporting the support bundle…</source>
        <translation>Exportando o pacote de suporte…</translation>
    </message>
    <message>
        <source>The support bundle was not saved: %1</source>
        <translation>O pacote de suporte não foi salvo: %1</translation>
    </message>
    <message>
        <source>Support bundle saved to %1</source>
        <translation>Pacote de suporte salvo em %1</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <source>Discount</source>
        <translation>Desconto</translation>
    </message>
    <message>
        <source>Percent (%)</source>
        <translation>Percentual (%)</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>Valor (%1)</translation>
    </message>
    <message>
        <source>The whole cart</source>
        <translation>O carrinho inteiro</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linha</translation>
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
        <translation>Modo: &lt;b&gt;sandbox&lt;/b&gt; (pagamentos simulados, sem conta)</translation>
    </message>
    <message>
        <source>&lt;b&gt;TEST account&lt;/b&gt;</source>
        <translation>&lt;b&gt;conta de TESTE&lt;/b&gt;</translation>
    </message>
    <message>
        <source>saved in %1</source>
        <translation>salvo em %1</translation>
    </message>
    <message>
        <source>kept for this session only</source>
        <translation>mantido só nesta sessão</translation>
    </message>
    <message>
        <source>Mode: &lt;b&gt;my Mercado Pago account&lt;/b&gt;</source>
        <translation>Modo: &lt;b&gt;minha conta do Mercado Pago&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Token %1, %2.</source>
        <translation>Token %1, %2.</translation>
    </message>
    <message>
        <source>Store: &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>Loja: &lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>Register: &lt;b&gt;%1&lt;/b&gt; (%2, POS number %3, fixed amount)</source>
        <translation>Caixa: &lt;b&gt;%1&lt;/b&gt; (%2, POS número %3, valor fixo)</translation>
    </message>
    <message>
        <source>Self-service: Mercado Pago asks &lt;b&gt;%1&lt;/b&gt; for each order</source>
        <translation>Autoatendimento: o Mercado Pago pede cada pedido a &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Receipt printer: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Impressora de comprovantes: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>none (receipts on screen)</source>
        <translation>nenhuma (comprovantes na tela)</translation>
    </message>
    <message>
        <source>Supervisor PIN: &lt;b&gt;set&lt;/b&gt;</source>
        <translation>PIN do supervisor: &lt;b&gt;definido&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Supervisor PIN: &lt;b&gt;not set&lt;/b&gt;</source>
        <translation>PIN do supervisor: &lt;b&gt;não definido&lt;/b&gt;</translation>
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
        <translation>Buscar produtos</translation>
    </message>
    <message>
        <source>Free item</source>
        <translation>Item avulso</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <source>%1 is not a weight</source>
        <translation>%1 não é um peso</translation>
    </message>
    <message>
        <source>the weight must be greater than zero</source>
        <translation>o peso deve ser maior que zero</translation>
    </message>
    <message>
        <source>the weight is above 999</source>
        <translation>o peso passa de 999</translation>
    </message>
    <message>
        <source>weigh to the gram: at most 3 decimals</source>
        <translation>pese até o grama: no máximo 3 casas decimais</translation>
    </message>
</context>
<context>
    <name>FiscalPage</name>
    <message>
        <source>Homologation (ARCA&apos;s test servers)</source>
        <translation>Homologação (servidores de teste da ARCA)</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produção</translation>
    </message>
    <message>
        <source>Issue an ARCA invoice for every sale</source>
        <translation>Emitir uma fatura da ARCA para cada venda</translation>
    </message>
    <message>
        <source>e.g. 20-11111111-2</source>
        <translation>ex.: 20-11111111-2</translation>
    </message>
    <message>
        <source>Choose the certificate (.crt, .pem)</source>
        <translation>Escolha o certificado (.crt, .pem)</translation>
    </message>
    <message>
        <source>Choose the private key (.key, .pem)</source>
        <translation>Escolha a chave privada (.key, .pem)</translation>
    </message>
    <message>
        <source>only if the key has one; kept in the keyring</source>
        <translation>só se a chave tiver; guardada no cofre de senhas do sistema</translation>
    </message>
    <message>
        <source>Registered for VAT: Responsable Inscripto (Factura B)</source>
        <translation>Contribuinte do IVA: Responsable Inscripto (Factura B)</translation>
    </message>
    <message>
        <source>Simplified regime: Monotributo (Factura C)</source>
        <translation>Regime simplificado: Monotributo (Factura C)</translation>
    </message>
    <message>
        <source>CUIT (tax id)</source>
        <translation>CUIT (identificação fiscal)</translation>
    </message>
    <message>
        <source>Point of sale (punto de venta)</source>
        <translation>Ponto de venda (punto de venta)</translation>
    </message>
    <message>
        <source>IVA condition</source>
        <translation>Condição perante o IVA</translation>
    </message>
    <message>
        <source>ARCA environment</source>
        <translation>Ambiente da ARCA</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Chave privada</translation>
    </message>
    <message>
        <source>Key password</source>
        <translation>Senha da chave</translation>
    </message>
    <message>
        <source>Test with ARCA</source>
        <translation>Testar com a ARCA</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>Certificates and keys (*.crt *.pem *.key *.der *.cer)</source>
        <translation>Certificados e chaves (*.crt *.pem *.key *.der *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Sandbox: the invoices go to the built-in ARCA simulator; no certificate is needed. Changes take effect the next time QR Cashier starts.</source>
        <translation>Sandbox: as faturas vão para o simulador da ARCA embutido; não é preciso certificado. As alterações valem na próxima vez que o QR Cashier iniciar.</translation>
    </message>
    <message>
        <source>Changes take effect the next time QR Cashier starts.</source>
        <translation>As alterações valem na próxima vez que o QR Cashier iniciar.</translation>
    </message>
    <message>
        <source>Asking ARCA…</source>
        <translation>Consultando a ARCA…</translation>
    </message>
    <message>
        <source>This computer has no secure password store, so the key&apos;s password cannot be kept: use a key without a password, or start one.</source>
        <translation>Este computador não tem um cofre de senhas seguro, então a senha da chave não pode ser guardada: use uma chave sem senha ou inicie um.</translation>
    </message>
</context>
<context>
    <name>FiscalStatus</name>
    <message>
        <source>ARCA: invoices are not being issued — %1</source>
        <translation>ARCA: as faturas não estão sendo emitidas — %1</translation>
    </message>
    <message>
        <source>(1 sale waits for its invoice)</source>
        <translation>(1 venda aguarda sua fatura)</translation>
    </message>
    <message>
        <source>(%1 sales wait for their invoice)</source>
        <translation>(%1 vendas aguardam sua fatura)</translation>
    </message>
    <message>
        <source>Keep selling: every sale is kept and gets its invoice, in order, as soon as the electronic invoice runs. A supervisor fixes it in Settings (ARCA page); it starts with QR Cashier&apos;s next start.</source>
        <translation>Continue vendendo: cada venda fica guardada e recebe sua fatura, em ordem, assim que a fatura eletrônica funcionar. Um supervisor a corrige em Configurações (página ARCA); ela começa na próxima vez que o QR Cashier for iniciado.</translation>
    </message>
    <message>
        <source>ARCA: 1 invoice rejected</source>
        <translation>ARCA: 1 fatura rejeitada</translation>
    </message>
    <message>
        <source>ARCA: %1 invoices rejected</source>
        <translation>ARCA: %1 faturas rejeitadas</translation>
    </message>
    <message>
        <source>ARCA refused the data of these invoices: call a supervisor to correct the setup and issue them again.</source>
        <translation>A ARCA recusou os dados destas faturas: chame um supervisor para corrigir a configuração e emiti-las de novo.</translation>
    </message>
    <message>
        <source>ARCA: 1 invoice pending</source>
        <translation>ARCA: 1 fatura pendente</translation>
    </message>
    <message>
        <source>ARCA: %1 invoices pending</source>
        <translation>ARCA: %1 faturas pendentes</translation>
    </message>
    <message>
        <source>They are sent by themselves as soon as ARCA answers: keep selling. If this lasts, check the internet connection and the ARCA certificate.</source>
        <translation>Elas são enviadas sozinhas assim que a ARCA responder: continue vendendo. Se continuar assim, verifique a conexão com a internet e o certificado da ARCA.</translation>
    </message>
    <message>
        <source>ARCA: every sale invoiced</source>
        <translation>ARCA: todas as vendas faturadas</translation>
    </message>
    <message>
        <source>%1 invoices authorized</source>
        <translation>%1 faturas autorizadas</translation>
    </message>
</context>
<context>
    <name>FreeItemDialog</name>
    <message>
        <source>What is it?</source>
        <translation>O que é?</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <source>Price (%1)</source>
        <translation>Preço (%1)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Adicionar item</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The cart is locked while the customer pays (Esc cancels the charge).</source>
        <translation>O carrinho fica bloqueado enquanto o cliente paga (Esc cancela a cobrança).</translation>
    </message>
    <message>
        <source>QR Cashier — %1 — %2</source>
        <translation>QR Cashier — %1 — %2</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>TESTE</translation>
    </message>
    <message>
        <source>Mercado Pago: connecting…</source>
        <translation>Mercado Pago: conectando…</translation>
    </message>
    <message>
        <source>Print QR sticker</source>
        <translation>Imprimir adesivo QR</translation>
    </message>
    <message>
        <source>The register&apos;s QR, to stick on the counter: to the printer, or a PDF</source>
        <translation>O QR do caixa, para colar no balcão: na impressora ou em PDF</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>Importar produtos</translation>
    </message>
    <message>
        <source>Add or update products from a CSV file (code, barcode, name, price, unit)</source>
        <translation>Adicionar ou atualizar produtos a partir de um arquivo CSV (código, código de barras, nome, preço, unidade)</translation>
    </message>
    <message>
        <source>Scan a barcode, or type a code or part of a name, then Enter</source>
        <translation>Escaneie um código ou digite parte do nome e tecle Enter</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>Charge with QR</source>
        <translation>Cobrar com QR</translation>
    </message>
    <message>
        <source>Cancel charge</source>
        <translation>Cancelar cobrança</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Free item</source>
        <translation>Item avulso</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Remover linha</translation>
    </message>
    <message>
        <source>Del</source>
        <comment>the Delete key</comment>
        <translation>Del</translation>
    </message>
    <message>
        <source>Clear cart</source>
        <translation>Esvaziar carrinho</translation>
    </message>
    <message>
        <source>Sales of the day</source>
        <translation>Vendas do dia</translation>
    </message>
    <message>
        <source>QR Cashier tries again every %1 seconds; you can already scan items.</source>
        <translation>O QR Cashier tenta de novo a cada %1 segundos; você já pode escanear itens.</translation>
    </message>
    <message>
        <source>No product with barcode or code %1. Press F4 to sell it as a free item, or F2 to search.</source>
        <translation>Nenhum produto com o código de barras ou código %1. Tecle F4 para vendê-lo como item avulso ou F2 para buscar.</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>%1: %2 per %3. Weight in %3:</source>
        <translation>%1: %2 por %3. Peso em %3:</translation>
    </message>
    <message>
        <source>Added %1 × %2 — %3</source>
        <translation>Adicionado: %1 × %2 — %3</translation>
    </message>
    <message>
        <source>The cart is locked while the customer pays: wait for the result, or press Esc to cancel the charge.</source>
        <translation>O carrinho fica bloqueado enquanto o cliente paga: aguarde o resultado ou tecle Esc para cancelar a cobrança.</translation>
    </message>
    <message>
        <source>The quantity is already 1: press Del to remove the line.</source>
        <translation>A quantidade já é 1: tecle Del para remover a linha.</translation>
    </message>
    <message>
        <source>This sale is paid. Scan the next item to start a new sale.</source>
        <translation>Esta venda está paga. Escaneie o próximo item para começar uma nova venda.</translation>
    </message>
    <message>
        <source>The cart is locked while the customer pays.</source>
        <translation>O carrinho fica bloqueado enquanto o cliente paga.</translation>
    </message>
    <message>
        <source>Add an item first.</source>
        <translation>Adicione um item primeiro.</translation>
    </message>
    <message>
        <source>Quantity of %1</source>
        <translation>Quantidade de %1</translation>
    </message>
    <message>
        <source>New unit price of %1:</source>
        <translation>Novo preço unitário de %1:</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>O carrinho está vazio.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 removido.</translation>
    </message>
    <message>
        <source>The cart is empty. Scan the next item.</source>
        <translation>O carrinho está vazio. Escaneie o próximo item.</translation>
    </message>
    <message>
        <source>Cancel the charge?</source>
        <translation>Cancelar a cobrança?</translation>
    </message>
    <message>
        <source>Remove the order from the QR? If the customer already paid, the sale still completes as paid.</source>
        <translation>Retirar o pedido do QR? Se o cliente já pagou, a venda é concluída como paga mesmo assim.</translation>
    </message>
    <message>
        <source>Clear the cart?</source>
        <translation>Esvaziar o carrinho?</translation>
    </message>
    <message>
        <source>Remove all %1 lines (%2)?</source>
        <translation>Remover todas as %1 linhas (%2)?</translation>
    </message>
    <message>
        <source>Sales of the day are available once QR Cashier is connected.</source>
        <translation>As vendas do dia ficam disponíveis quando o QR Cashier estiver conectado.</translation>
    </message>
    <message>
        <source>Restart QR Cashier</source>
        <translation>Reiniciar o QR Cashier</translation>
    </message>
    <message>
        <source>The new access token belongs to another Mercado Pago account. Close and start QR Cashier again to charge with that account&apos;s store and register.</source>
        <translation>O novo token de acesso pertence a outra conta do Mercado Pago. Feche o QR Cashier e abra-o de novo para receber com a loja e o caixa dessa conta.</translation>
    </message>
    <message>
        <source>Settings are available once QR Cashier is connected.</source>
        <translation>As configurações ficam disponíveis quando o QR Cashier se conecta.</translation>
    </message>
    <message>
        <source>The cart is empty: scan or add an item first.</source>
        <translation>O carrinho está vazio: escaneie ou adicione um item primeiro.</translation>
    </message>
    <message>
        <source>Fix the cart and press Charge (F12) again.</source>
        <translation>Corrija o carrinho e tecle Cobrar (F12) de novo.</translation>
    </message>
    <message>
        <source>Paid %1 with Mercado Pago.</source>
        <translation>Pagamento de %1 com Mercado Pago.</translation>
    </message>
    <message>
        <source>Sale %1</source>
        <translation>Venda %1</translation>
    </message>
    <message>
        <source>charge %1</source>
        <translation>cobrança %1</translation>
    </message>
    <message>
        <source>on the QR until %1</source>
        <translation>no QR até %1</translation>
    </message>
    <message>
        <source>payment %1</source>
        <translation>pagamento %1</translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>pedido %1</translation>
    </message>
    <message>
        <source>Paid %1 in cash. Change: %2</source>
        <translation>Pago %1 em dinheiro. Troco: %2</translation>
    </message>
    <message>
        <source>Change: %1</source>
        <translation>Troco: %1</translation>
    </message>
    <message>
        <source>An earlier sale needs a supervisor&apos;s review: %1</source>
        <translation>Uma venda anterior precisa da revisão de um supervisor: %1</translation>
    </message>
    <message>
        <source>The receipt did not print: %1</source>
        <translation>O comprovante não foi impresso: %1</translation>
    </message>
    <message>
        <source>The receipt was printed: hand it over.</source>
        <translation>O comprovante foi impresso: entregue-o.</translation>
    </message>
    <message>
        <source>The receipt is on screen (no printer set): print it with Ctrl+P or save a PDF.</source>
        <translation>O comprovante está na tela (nenhuma impressora definida): imprima com Ctrl+P ou salve um PDF.</translation>
    </message>
    <message>
        <source>Scan the next item to start a new sale.</source>
        <translation>Escaneie o próximo item para começar uma nova venda.</translation>
    </message>
    <message>
        <source>Import products from a CSV file</source>
        <translation>Importar produtos de um arquivo CSV</translation>
    </message>
    <message>
        <source>Importing products from %1…</source>
        <translation>Importando produtos de %1…</translation>
    </message>
    <message>
        <source>Products imported</source>
        <translation>Produtos importados</translation>
    </message>
    <message>
        <source>Products import report</source>
        <translation>Relatório da importação de produtos</translation>
    </message>
    <message>
        <source>Show details for each rejected row: fix them in the file and import it again.</source>
        <translation>Veja os detalhes de cada linha recusada: corrija-as no arquivo e importe-o de novo.</translation>
    </message>
    <message>
        <source>line %1: %2 — %3</source>
        <translation>linha %1: %2 — %3</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… e mais %1</translation>
    </message>
    <message>
        <source>The register&apos;s QR is not known yet: wait until QR Cashier is connected.</source>
        <translation>O QR do caixa ainda não é conhecido: aguarde até o QR Cashier se conectar.</translation>
    </message>
    <message>
        <source>The sticker did not print: %1</source>
        <translation>O adesivo não foi impresso: %1</translation>
    </message>
    <message>
        <source>QR sticker sent to %1.</source>
        <translation>Adesivo QR enviado para %1.</translation>
    </message>
    <message>
        <source>The sticker was not saved: %1</source>
        <translation>O adesivo não foi salvo: %1</translation>
    </message>
    <message>
        <source>QR sticker saved to %1.</source>
        <translation>Adesivo QR salvo em %1.</translation>
    </message>
    <message>
        <source>Save the QR sticker as PDF</source>
        <translation>Salvar o adesivo QR como PDF</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 item</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 itens</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 linha</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 linhas</translation>
    </message>
    <message>
        <source>Empty cart</source>
        <translation>Carrinho vazio</translation>
    </message>
    <message>
        <source>Mercado Pago: not answering, retrying</source>
        <translation>Mercado Pago: sem resposta, tentando de novo</translation>
    </message>
    <message>
        <source>Mercado Pago: connected (last answer %1)</source>
        <translation>Mercado Pago: conectado (última resposta %1)</translation>
    </message>
    <message>
        <source>Mercado Pago: last answer at %1</source>
        <translation>Mercado Pago: última resposta às %1</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <source>Try it with the sandbox</source>
        <translation>Experimentar com o sandbox</translation>
    </message>
    <message>
        <source>No account needed. A built-in copy of Mercado Pago answers; payments are pretend and made from a phone page on this computer.</source>
        <translation>Não precisa de conta. Uma cópia embutida do Mercado Pago responde; os pagamentos são simulados e feitos a partir de uma página de celular neste computador.</translation>
    </message>
    <message>
        <source>Connect my Mercado Pago account</source>
        <translation>Conectar minha conta do Mercado Pago</translation>
    </message>
    <message>
        <source>Take real payments. You will paste the account&apos;s access token, then choose the store and register.</source>
        <translation>Receba pagamentos reais. Você vai colar o token de acesso da conta e depois escolher a loja e o caixa.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Park the sale</source>
        <translation>Colocar a venda em espera</translation>
    </message>
    <message>
        <source>Note (optional), e.g. the customer&apos;s name</source>
        <translation>Nota (opcional), ex.: o nome do cliente</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Cash in the drawer (the float)</source>
        <translation>Dinheiro na gaveta (o fundo de troco)</translation>
    </message>
    <message>
        <source>Float (%1)</source>
        <translation>Fundo de troco (%1)</translation>
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
        <translation>Vendas em espera</translation>
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
        <translation>Enter retoma a venda selecionada.</translation>
    </message>
    <message>
        <source>No parked sales.</source>
        <translation>Nenhuma venda em espera.</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>new PIN</source>
        <translation>novo PIN</translation>
    </message>
    <message>
        <source>the same PIN again</source>
        <translation>o mesmo PIN de novo</translation>
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
        <translation>Já existe um PIN definido. Deixe estes campos vazios para mantê-lo.</translation>
    </message>
    <message>
        <source>Protecting the PIN…</source>
        <translation>Protegendo o PIN…</translation>
    </message>
    <message>
        <source>PIN ready.</source>
        <translation>PIN pronto.</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <source>Supervisor PIN</source>
        <translation>PIN do supervisor</translation>
    </message>
    <message>
        <source>Supervisor: %1</source>
        <translation>Supervisor: %1</translation>
    </message>
    <message>
        <source>No supervisor PIN is set yet: choose one now (4 to 12 digits). It is asked for every supervisor action from now on.</source>
        <translation>Ainda não há um PIN de supervisor: escolha um agora (de 4 a 12 dígitos). A partir de agora ele é pedido em cada ação de supervisor.</translation>
    </message>
    <message>
        <source>The PIN is asked for each supervisor action and is not remembered.</source>
        <translation>O PIN é pedido a cada ação de supervisor e não fica memorizado.</translation>
    </message>
    <message>
        <source>Supervisor&apos;s name</source>
        <translation>Nome do supervisor</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>the same PIN again</source>
        <translation>o mesmo PIN de novo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
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
        <translation>Definir o PIN</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <source>Enter the PIN again.</source>
        <translation>Digite o PIN de novo.</translation>
    </message>
    <message>
        <source>Type the supervisor&apos;s name: it goes in the audit log.</source>
        <translation>Digite o nome do supervisor: ele fica no registro de auditoria.</translation>
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
        <translation>Cartão</translation>
    </message>
    <message>
        <source>The cart is empty: scan or add an item first.</source>
        <translation>O carrinho está vazio: escaneie ou adicione um item primeiro.</translation>
    </message>
    <message>
        <source>Paid %1 by card (other terminal).</source>
        <translation>Pago %1 com cartão (outra maquininha).</translation>
    </message>
    <message>
        <source>Sending the amount to the terminal…</source>
        <translation>Enviando o valor para a maquininha…</translation>
    </message>
    <message>
        <source>The amount is on the terminal: the customer taps, inserts or swipes the card there.</source>
        <translation>O valor está na maquininha: o cliente aproxima, insere ou passa o cartão nela.</translation>
    </message>
    <message>
        <source>Sale %1 · on terminal %2 until %3</source>
        <translation>Venda %1 · na maquininha %2 até %3</translation>
    </message>
    <message>
        <source>Present your card on terminal %1</source>
        <translation>Aproxime ou insira seu cartão na maquininha %1</translation>
    </message>
</context>
<context>
    <name>PointDialogs</name>
    <message>
        <source>Card</source>
        <translation>Cartão</translation>
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
        <translation>Passe o cartão na maquininha %1</translation>
    </message>
    <message>
        <source>Sandbox terminal page</source>
        <translation>Página da maquininha (sandbox)</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>escpos+tcp://HOST[:PORT], escpos+usb://VID:PID, escpos+serial://DEVICE?baudrate=N, escpos+file://PATH, system:NAME or pdf:PATH</source>
        <translation>escpos+tcp://HOST[:PORTA], escpos+usb://VID:PID, escpos+serial://DISPOSITIVO?baudrate=N, escpos+file://CAMINHO, system:NOME ou pdf:CAMINHO</translation>
    </message>
    <message>
        <source>Generic ESC/POS (default)</source>
        <translation>ESC/POS genérica (padrão)</translation>
    </message>
    <message>
        <source>Pin %1</source>
        <translation>Pino %1</translation>
    </message>
    <message>
        <source>Show the VAT contained, by rate</source>
        <translation>Mostrar o imposto contido, por alíquota</translation>
    </message>
    <message>
        <source>Print the Ley 27.743 legend (Argentina)</source>
        <translation>Imprimir a legenda da Lei 27.743 (Argentina)</translation>
    </message>
    <message>
        <source>Print test page</source>
        <translation>Imprimir página de teste</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Impressora de comprovantes</translation>
    </message>
    <message>
        <source>Printer URL</source>
        <translation>URL da impressora</translation>
    </message>
    <message>
        <source>Printer model</source>
        <translation>Modelo da impressora</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Largura do papel</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Gaveta de dinheiro</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Recibos</translation>
    </message>
    <message>
        <source>The cashier&apos;s window follows this language; the customer&apos;s screen and the receipts follow the site of the Mercado Pago account (Spanish or Portuguese).</source>
        <translation>A janela do caixa usa este idioma; a tela do cliente e os comprovantes usam o do país da conta do Mercado Pago (espanhol ou português).</translation>
    </message>
    <message>
        <source>No printer: show receipts on screen</source>
        <translation>Sem impressora: mostrar os comprovantes na tela</translation>
    </message>
    <message>
        <source>Receipt printer (ESC/POS) or PDF: type its URL</source>
        <translation>Impressora de cupons (ESC/POS) ou PDF: digite a URL</translation>
    </message>
    <message>
        <source>%1 (not found on this computer)</source>
        <translation>%1 (não encontrada neste computador)</translation>
    </message>
    <message>
        <source>No printer is installed on this computer yet; you can choose one later in Settings.</source>
        <translation>Ainda não há nenhuma impressora instalada neste computador; você pode escolher uma depois em Configurações.</translation>
    </message>
    <message>
        <source>Type the printer&apos;s URL, e.g. escpos+tcp://192.168.0.50:9100.</source>
        <translation>Digite a URL da impressora, p. ex. escpos+tcp://192.168.0.50:9100.</translation>
    </message>
    <message>
        <source>Printing a test page…</source>
        <translation>Imprimindo uma página de teste…</translation>
    </message>
    <message>
        <source>The printer did not answer within %1 seconds: check that it is on and connected.</source>
        <translation>A impressora não respondeu em %1 segundos: verifique se está ligada e conectada.</translation>
    </message>
    <message>
        <source>The test page did not print: %1</source>
        <translation>A página de teste não foi impressa: %1</translation>
    </message>
    <message>
        <source>The printer at %1 is offline: check that it is on and connected, then try again.</source>
        <translation>A impressora em %1 está offline: verifique se está ligada e conectada e tente de novo.</translation>
    </message>
    <message>
        <source>The printer at %1 is out of paper.</source>
        <translation>A impressora em %1 está sem papel.</translation>
    </message>
    <message>
        <source>The printer at %1 refused the page.</source>
        <translation>A impressora em %1 recusou a página.</translation>
    </message>
    <message>
        <source>The printer at %1 did not take the page in time.</source>
        <translation>A impressora em %1 não recebeu a página a tempo.</translation>
    </message>
    <message>
        <source>Test page sent to %1: check the accents (ñ á é ç ã) and that the ruler fills one line.</source>
        <translation>Página de teste enviada para %1: confira os acentos (ñ á é ç ã) e se a régua ocupa uma linha.</translation>
    </message>
</context>
<context>
    <name>PrinterStatus</name>
    <message>
        <source>1 receipt</source>
        <translation>1 cupom</translation>
    </message>
    <message>
        <source>%1 receipts</source>
        <translation>%1 cupons</translation>
    </message>
    <message>
        <source>1 print job</source>
        <translation>1 impressão</translation>
    </message>
    <message>
        <source>%1 print jobs</source>
        <translation>%1 impressões</translation>
    </message>
    <message>
        <source>Printer paper running low: change the roll soon</source>
        <translation>O papel da impressora está acabando: troque a bobina em breve</translation>
    </message>
    <message>
        <source>Printing: %1 waiting (paper running low)</source>
        <translation>Imprimindo: %1 aguardando (papel acabando)</translation>
    </message>
    <message>
        <source>Printer out of paper: %1 waiting</source>
        <translation>Impressora sem papel: %1 aguardando</translation>
    </message>
    <message>
        <source>The printer refused the job: %1 waiting</source>
        <translation>A impressora recusou a impressão: %1 aguardando</translation>
    </message>
    <message>
        <source>Printer offline: %1 waiting</source>
        <translation>Impressora desconectada: %1 aguardando</translation>
    </message>
    <message>
        <source>Printing: %1 waiting</source>
        <translation>Imprimindo: %1 aguardando</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>%1 is an ESC/POS printer: receipts reach it through the print queue (reprint for a copy).</source>
        <translation>%1 é uma impressora ESC/POS: os cupons chegam a ela pela fila de impressão (reimprima para uma cópia).</translation>
    </message>
    <message>
        <source>No printer is installed. Install one, or save the receipt as PDF.</source>
        <translation>Não há nenhuma impressora instalada. Instale uma ou salve o comprovante como PDF.</translation>
    </message>
    <message>
        <source>No default printer is set. Choose one of: %1.</source>
        <translation>Não há uma impressora padrão. Escolha uma destas: %1.</translation>
    </message>
    <message>
        <source>Printer %1 was not found. Available: %2.</source>
        <translation>A impressora %1 não foi encontrada. Disponíveis: %2.</translation>
    </message>
    <message>
        <source>Printer %1 cannot be used.</source>
        <translation>Não é possível usar a impressora %1.</translation>
    </message>
    <message>
        <source>Cannot save the PDF: folder %1 does not exist.</source>
        <translation>Não é possível salvar o PDF: a pasta %1 não existe.</translation>
    </message>
    <message>
        <source>Could not start printing to %1.</source>
        <translation>Não foi possível começar a imprimir em %1.</translation>
    </message>
</context>
<context>
    <name>QrView</name>
    <message>
        <source>No QR configured</source>
        <translation>Nenhum QR configurado</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <source>Set quantity</source>
        <translation>Definir quantidade</translation>
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
        <translation>Salvar como PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Receipt %1 #%2</source>
        <translation>Comprovante %1 nº %2</translation>
    </message>
    <message>
        <source>%1 — copy</source>
        <translation>%1 — cópia</translation>
    </message>
    <message>
        <source>Sent to printer %1</source>
        <translation>Enviado para a impressora %1</translation>
    </message>
    <message>
        <source>Sending a copy to the printer…</source>
        <translation>Enviando uma cópia para a impressora…</translation>
    </message>
    <message>
        <source>The copy did not reach the print queue: %1</source>
        <translation>A cópia não chegou à fila de impressão: %1</translation>
    </message>
    <message>
        <source>A copy (COPY) is in the print queue for %1.</source>
        <translation>Uma cópia (CÓPIA) está na fila de impressão de %1.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Salvo em %1</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Salvar o comprovante como PDF</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund</source>
        <translation>Reembolsar</translation>
    </message>
    <message>
        <source>Refund a payment</source>
        <translation>Reembolsar um pagamento</translation>
    </message>
    <message>
        <source>Everything that is left</source>
        <translation>Tudo o que resta</translation>
    </message>
    <message>
        <source>Part of it:</source>
        <translation>Uma parte:</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>valor</translation>
    </message>
    <message>
        <source>Why? (required)</source>
        <translation>Por quê? (obrigatório)</translation>
    </message>
    <message>
        <source>Returned goods</source>
        <translation>Mercadoria devolvida</translation>
    </message>
    <message>
        <source>Charged twice</source>
        <translation>Cobrado duas vezes</translation>
    </message>
    <message>
        <source>Wrong amount charged</source>
        <translation>Valor cobrado errado</translation>
    </message>
    <message>
        <source>Customer complaint</source>
        <translation>Reclamação do cliente</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pagamento</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Reembolsar…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Reading the sale&apos;s payments…</source>
        <translation>Lendo os pagamentos da venda…</translation>
    </message>
    <message>
        <source>This sale has no approved Mercado Pago payment to refund.</source>
        <translation>Esta venda não tem nenhum pagamento aprovado do Mercado Pago para reembolsar.</translation>
    </message>
    <message>
        <source>There is no payment to refund.</source>
        <translation>Não há nenhum pagamento para reembolsar.</translation>
    </message>
    <message>
        <source>This payment is already refunded in full.</source>
        <translation>Este pagamento já foi reembolsado integralmente.</translation>
    </message>
    <message>
        <source>%1 is more than what is left to refund: at most %2.</source>
        <translation>%1 é mais do que resta a reembolsar: no máximo %2.</translation>
    </message>
    <message>
        <source>Paid &lt;b&gt;%1&lt;/b&gt; · refunded or in progress %2 · left to refund &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Pago &lt;b&gt;%1&lt;/b&gt; · reembolsado ou em andamento %2 · resta reembolsar &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Everything that is left (%1)</source>
        <translation>Tudo o que resta (%1)</translation>
    </message>
    <message>
        <source>Say why: the reason goes in the audit log.</source>
        <translation>Informe o motivo: ele fica no registro de auditoria.</translation>
    </message>
    <message>
        <source>refund %1</source>
        <translation>reembolsar %1</translation>
    </message>
    <message>
        <source>Asking Mercado Pago to refund %1…</source>
        <translation>Pedindo ao Mercado Pago para reembolsar %1…</translation>
    </message>
    <message>
        <source>Refunded %1 to the customer&apos;s Mercado Pago account.</source>
        <translation>Reembolso de %1 feito na conta Mercado Pago do cliente.</translation>
    </message>
</context>
<context>
    <name>RefundSlip</name>
    <message>
        <source>The refund slip did not print: %1</source>
        <translation>O comprovante de reembolso não foi impresso: %1</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>X report, shift %1 (open)</source>
        <translation>Relatório X, turno %1 (aberto)</translation>
    </message>
    <message>
        <source>Z report, shift %1</source>
        <translation>Relatório Z, turno %1</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Salvar como PDF</translation>
    </message>
    <message>
        <source>Save as CSV</source>
        <translation>Salvar como CSV</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Sales by hour</source>
        <translation>Vendas por hora</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Salvar o relatório</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Não foi possível salvar %1: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Salvo em %1</translation>
    </message>
    <message>
        <source>Sent to the printer</source>
        <translation>Enviado para a impressora</translation>
    </message>
    <message>
        <source>Could not start printing to %1.</source>
        <translation>Não foi possível começar a imprimir em %1.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return by line</source>
        <translation>Devolução por linha</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pago</translation>
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
        <translation>O comprovante de devolução não foi impresso: %1</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Sale to review</source>
        <translation>Venda para revisar</translation>
    </message>
    <message>
        <source>What Mercado Pago says now</source>
        <translation>O que o Mercado Pago diz agora</translation>
    </message>
    <message>
        <source>Why? (required)</source>
        <translation>Por quê? (obrigatório)</translation>
    </message>
    <message>
        <source>Checked in the Mercado Pago app: paid</source>
        <translation>Verificado no app do Mercado Pago: pago</translation>
    </message>
    <message>
        <source>Checked: not paid</source>
        <translation>Verificado: não pago</translation>
    </message>
    <message>
        <source>Customer paid another way</source>
        <translation>O cliente pagou de outra forma</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Ask again (F5)</source>
        <translation>Consultar de novo (F5)</translation>
    </message>
    <message>
        <source>Mark paid…</source>
        <translation>Marcar como paga…</translation>
    </message>
    <message>
        <source>Void: not paid…</source>
        <translation>Anular: não paga…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Sale of %1 to review</source>
        <translation>Venda de %1 para revisar</translation>
    </message>
    <message>
        <source>The outcome of this sale could not be learnt.</source>
        <translation>Não foi possível saber como esta venda terminou.</translation>
    </message>
    <message>
        <source>Since %1: %2</source>
        <translation>Desde %1: %2</translation>
    </message>
    <message>
        <source>This sale is %1: there is nothing to resolve.</source>
        <translation>Esta venda está com status %1: não há nada a resolver.</translation>
    </message>
    <message>
        <source>Asking Mercado Pago about this sale…</source>
        <translation>Consultando o Mercado Pago sobre esta venda…</translation>
    </message>
    <message>
        <source>&lt;b&gt;No answer:&lt;/b&gt; %1&lt;br&gt;You can still decide; if Mercado Pago shows it paid when you resolve it, it is marked paid whatever you choose.</source>
        <translation>&lt;b&gt;Sem resposta:&lt;/b&gt; %1&lt;br&gt;Você ainda pode decidir; se o Mercado Pago mostrar a venda como paga quando você resolver, ela é marcada como paga seja qual for a escolha.</translation>
    </message>
    <message>
        <source>(asked at %1)</source>
        <translation>(consultado às %1)</translation>
    </message>
    <message>
        <source>Approved: &lt;b&gt;%1&lt;/b&gt; of %2</source>
        <translation>Aprovado: &lt;b&gt;%1&lt;/b&gt; de %2</translation>
    </message>
    <message>
        <source>Payment %1: %2 · %3</source>
        <translation>Pagamento %1: %2 · %3</translation>
    </message>
    <message>
        <source>Mercado Pago orders: %1</source>
        <translation>Pedidos do Mercado Pago: %1</translation>
    </message>
    <message>
        <source>Mercado Pago has no order for this sale.</source>
        <translation>O Mercado Pago não tem nenhum pedido para esta venda.</translation>
    </message>
    <message>
        <source>The order is still on the QR.</source>
        <translation>O pedido continua no QR.</translation>
    </message>
    <message>
        <source>Say why: the reason goes in the audit log.</source>
        <translation>Informe o motivo: ele fica no registro de auditoria.</translation>
    </message>
    <message>
        <source>mark this sale paid</source>
        <translation>marcar esta venda como paga</translation>
    </message>
    <message>
        <source>void this sale (not paid)</source>
        <translation>anular esta venda (não paga)</translation>
    </message>
    <message>
        <source>Checking with Mercado Pago once more and recording the decision…</source>
        <translation>Consultando o Mercado Pago mais uma vez e registrando a decisão…</translation>
    </message>
    <message>
        <source>Marked paid: the receipt is printing.</source>
        <translation>Marcada como paga: o comprovante está sendo impresso.</translation>
    </message>
    <message>
        <source>Voided: the sale can be charged again.</source>
        <translation>Anulada: a venda pode ser cobrada de novo.</translation>
    </message>
</context>
<context>
    <name>SaleToolsBinder</name>
    <message>
        <source>Park</source>
        <translation>Em espera</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Desconto</translation>
    </message>
    <message>
        <source>The supervisor PIN is not available yet.</source>
        <translation>O PIN do supervisor ainda não está disponível.</translation>
    </message>
    <message>
        <source>A charge is live: the cart is locked to its order.</source>
        <translation>Há uma cobrança em andamento: o carrinho está travado no seu pedido.</translation>
    </message>
    <message>
        <source>The cart is empty: there is nothing to park.</source>
        <translation>O carrinho está vazio: não há nada para colocar em espera.</translation>
    </message>
    <message>
        <source>Sale parked as #%1.</source>
        <translation>Venda em espera como nº %1.</translation>
    </message>
    <message>
        <source>discard a parked sale</source>
        <translation>descartar uma venda em espera</translation>
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
        <translation>Venda em espera descartada.</translation>
    </message>
    <message>
        <source>Park or finish the current cart before resuming another.</source>
        <translation>Coloque em espera ou finalize o carrinho atual antes de retomar outro.</translation>
    </message>
    <message>
        <source>Sale resumed.</source>
        <translation>Venda retomada.</translation>
    </message>
    <message>
        <source>Add items to the cart before giving a discount.</source>
        <translation>Adicione itens ao carrinho antes de dar um desconto.</translation>
    </message>
    <message>
        <source>approve a discount above %1 %</source>
        <translation>aprovar um desconto acima de %1 %</translation>
    </message>
    <message>
        <source>There is no paid sale to return.</source>
        <translation>Não há venda paga para devolver.</translation>
    </message>
    <message>
        <source>return items of a paid sale</source>
        <translation>devolver itens de uma venda paga</translation>
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
        <translation>Venda</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Itens</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Reembolsada</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Payment id</source>
        <translation>ID do pagamento</translation>
    </message>
    <message>
        <source>Sales of the day</source>
        <translation>Vendas do dia</translation>
    </message>
    <message>
        <source>Reprint (COPY)</source>
        <translation>Reimprimir (CÓPIA)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Reembolsar…</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Resolver…</translation>
    </message>
    <message>
        <source>Receipt number (00001-00000042 or 42), Enter to find</source>
        <translation>Número do comprovante (00001-00000042 ou 42), Enter para buscar</translation>
    </message>
    <message>
        <source>&amp;Find receipt:</source>
        <translation>&amp;Buscar comprovante:</translation>
    </message>
    <message>
        <source>No receipt %1 among this register&apos;s sales of the day.</source>
        <translation>Nenhum comprovante %1 entre as vendas do dia deste caixa.</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>Reembolsada em parte</translation>
    </message>
    <message>
        <source>%1 (charge %2; before: %3)</source>
        <translation>%1 (cobrança %2; antes: %3)</translation>
    </message>
    <message>
        <source>%1 (charge %2)</source>
        <translation>%1 (cobrança %2)</translation>
    </message>
    <message>
        <source>%1 paid · %2</source>
        <translation>%1 pagas · %2</translation>
    </message>
    <message>
        <source>refunded %1 · net %2</source>
        <translation>reembolsado %1 · líquido %2</translation>
    </message>
    <message>
        <source>%1 not paid</source>
        <translation>%1 não pagas</translation>
    </message>
    <message>
        <source>%1 need a supervisor</source>
        <translation>%1 precisam de um supervisor</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Type part of the name, e.g. &quot;yer pla&quot;</source>
        <translation>Digite parte do nome, p. ex. &quot;yer pla&quot;</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Adicionar</translation>
    </message>
    <message>
        <source>No product matches. Press Esc and F4 to sell it as a free item.</source>
        <translation>Nenhum produto corresponde. Tecle Esc e F4 para vendê-lo como item avulso.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>QR Cashier settings</source>
        <translation>Configurações do QR Cashier</translation>
    </message>
    <message>
        <source>Set up QR Cashier</source>
        <translation>Configurar o QR Cashier</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Avançar</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Concluir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Passo %1 de %2</translation>
    </message>
    <message>
        <source>This page is for a real Mercado Pago account (choose it under Mode).</source>
        <translation>Esta página é para uma conta real do Mercado Pago (escolha-a em Modo).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
    <message>
        <source>Saved. Changes to the account, store or register apply at the next start.</source>
        <translation>Salvo. As alterações de conta, loja ou caixa valem a partir da próxima inicialização.</translation>
    </message>
    <message>
        <source>Still saving: close this window when it is done.</source>
        <translation>Ainda salvando: feche esta janela quando terminar.</translation>
    </message>
    <message>
        <source>Leave the setup?</source>
        <translation>Sair da configuração?</translation>
    </message>
    <message>
        <source>The store and the register are already created in Mercado Pago, but QR Cashier is not set up yet. If you leave now, nothing is saved here; the setup finds them again next time.</source>
        <translation>A loja e o caixa já foram criados no Mercado Pago, mas o QR Cashier ainda não está configurado. Se sair agora, nada é salvo aqui; na próxima vez a configuração os encontra de novo.</translation>
    </message>
    <message>
        <source>Leave the setup</source>
        <translation>Sair da configuração</translation>
    </message>
    <message>
        <source>Keep setting up</source>
        <translation>Continuar configurando</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>How will you use QR Cashier?</source>
        <translation>Como você vai usar o QR Cashier?</translation>
    </message>
    <message>
        <source>You can change this later in Settings.</source>
        <translation>Você pode mudar isso depois em Configurações.</translation>
    </message>
    <message>
        <source>Mercado Pago access token</source>
        <translation>Token de acesso do Mercado Pago</translation>
    </message>
    <message>
        <source>Paste the account&apos;s access token. Find it at: %1.</source>
        <translation>Cole o token de acesso da conta. Ele fica em: %1.</translation>
    </message>
    <message>
        <source>Store and register</source>
        <translation>Loja e caixa</translation>
    </message>
    <message>
        <source>Choose the store and this register&apos;s Mercado Pago POS, or create them. The POS takes the amount from each sale (fixed amount).</source>
        <translation>Escolha a loja e o POS do Mercado Pago deste caixa, ou crie-os. O POS recebe o valor de cada venda (valor fixo).</translation>
    </message>
    <message>
        <source>The register&apos;s QR sticker</source>
        <translation>O adesivo QR do caixa</translation>
    </message>
    <message>
        <source>Customers scan this QR to pay. Print it and stick it where they can reach it with a phone.</source>
        <translation>Os clientes escaneiam este QR para pagar. Imprima e cole onde eles consigam alcançá-lo com o celular.</translation>
    </message>
    <message>
        <source>Receipt printer and language</source>
        <translation>Impressora de comprovantes e idioma</translation>
    </message>
    <message>
        <source>Receipts print on the printer chosen here. Without one, each receipt is shown on screen to print or save.</source>
        <translation>Os comprovantes saem na impressora escolhida aqui. Sem impressora, cada comprovante aparece na tela para imprimir ou salvar.</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>PIN do supervisor</translation>
    </message>
    <message>
        <source>A supervisor types this PIN to cancel an order, refund a payment, resolve a sale to review or open Settings. 4 to 12 digits; it is stored only as a slow salted hash.</source>
        <translation>Um supervisor digita este PIN para cancelar um pedido, reembolsar um pagamento, resolver uma venda para revisar ou abrir as Configurações. De 4 a 12 dígitos; ele é guardado só como um hash lento com sal.</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avançado</translation>
    </message>
    <message>
        <source>Which Mercado Pago API places the orders, and which QR the customer scans. Keep the defaults unless told otherwise.</source>
        <translation>Qual API do Mercado Pago publica os pedidos e qual QR o cliente escaneia. Mantenha os padrões, a menos que orientem o contrário.</translation>
    </message>
    <message>
        <source>Support details</source>
        <translation>Dados para o suporte</translation>
    </message>
    <message>
        <source>Copy these lines into a message to support. They never include the access token or the PIN.</source>
        <translation>Copie estas linhas numa mensagem para o suporte. Elas nunca incluem o token de acesso nem o PIN.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>Press Finish to save. You can change all of this later in Settings (it asks for the supervisor PIN).</source>
        <translation>Clique em Concluir para salvar. Você pode mudar tudo isso depois em Configurações (pede o PIN do supervisor).</translation>
    </message>
    <message>
        <source>Electronic invoice (ARCA)</source>
        <translation>Fatura eletrônica (ARCA)</translation>
    </message>
    <message>
        <source>In Argentina every sale needs a Factura B or C authorized by ARCA. QR Cashier asks for it in the background after each sale and prints its CAE and QR on the receipt.</source>
        <translation>Na Argentina toda venda precisa de uma Factura B ou C autorizada pela ARCA. O QR Cashier a solicita em segundo plano após cada venda e imprime o CAE e o QR no cupom.</translation>
    </message>
    <message>
        <source>Card terminal</source>
        <translation>Maquininha de cartão</translation>
    </message>
    <message>
        <source>A Mercado Pago Point terminal takes cards for this register: the app sends it the amount and learns the result. It must be in PDV (integrated) mode; in standalone mode it only takes amounts typed on it. A register can also have no card terminal (cards on another terminal are typed in by hand).</source>
        <translation>Uma maquininha Point do Mercado Pago recebe cartões para este caixa: o app envia o valor e fica sabendo do resultado. Ela precisa estar no modo PDV (integrado); no modo independente só recebe valores digitados nela. Um caixa também pode não ter maquininha (cartões passados em outra maquininha são registrados à mão).</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Paid in cash</source>
        <translation>Pago em dinheiro</translation>
    </message>
    <message>
        <source>Handed over (empty: exact)</source>
        <translation>Entregue (vazio: exato)</translation>
    </message>
    <message>
        <source>Rest by &amp;QR</source>
        <translation>Restante no &amp;QR</translation>
    </message>
    <message>
        <source>Rest on &amp;Point terminal %1</source>
        <translation>Restante na maquininha &amp;Point %1</translation>
    </message>
    <message>
        <source>Rest on &amp;Point terminal (none on this register)</source>
        <translation>Restante na maquininha &amp;Point (este caixa não tem)</translation>
    </message>
    <message>
        <source>Rest by card on an&amp;other terminal</source>
        <translation>Restante no cartão em &amp;outra maquininha</translation>
    </message>
    <message>
        <source>Approval code (optional)</source>
        <translation>Código de autorização (opcional)</translation>
    </message>
    <message>
        <source>Last 4 digits (optional)</source>
        <translation>Últimos 4 dígitos (opcional)</translation>
    </message>
    <message>
        <source>Cash part</source>
        <translation>Parte em dinheiro</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recebido</translation>
    </message>
    <message>
        <source>By QR</source>
        <translation>Por QR</translation>
    </message>
    <message>
        <source>Approval code</source>
        <translation>Código de autorização</translation>
    </message>
    <message>
        <source>Last 4 digits</source>
        <translation>Últimos 4 dígitos</translation>
    </message>
    <message>
        <source>Charge the rest</source>
        <translation>Cobrar o restante</translation>
    </message>
    <message>
        <source>On the terminal</source>
        <translation>Na maquininha</translation>
    </message>
    <message>
        <source>By card</source>
        <translation>No cartão</translation>
    </message>
    <message>
        <source>Sale total: %1</source>
        <translation>Total da venda: %1</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>Scan or type an item to start a sale.</source>
        <translation>Escaneie ou digite um item para começar uma venda.</translation>
    </message>
    <message>
        <source>When the cart is complete press Charge (F12).</source>
        <translation>Quando o carrinho estiver completo, tecle Cobrar (F12).</translation>
    </message>
    <message>
        <source>Sending to the QR…</source>
        <translation>Enviando para o QR…</translation>
    </message>
    <message>
        <source>Sending the order to the register&apos;s QR.</source>
        <translation>Enviando o pedido para o QR do caixa.</translation>
    </message>
    <message>
        <source>Wait a moment: the customer can scan as soon as the amount shows on their screen.</source>
        <translation>Aguarde um momento: o cliente pode escanear assim que o valor aparecer na tela dele.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>Checking with Mercado Pago whether the order reached the QR.</source>
        <translation>Verificando com o Mercado Pago se o pedido chegou ao QR.</translation>
    </message>
    <message>
        <source>Do not take another payment yet; this takes a few seconds.</source>
        <translation>Ainda não receba de outra forma; isso leva alguns segundos.</translation>
    </message>
    <message>
        <source>Waiting for the customer</source>
        <translation>Aguardando o cliente</translation>
    </message>
    <message>
        <source>The order is on the QR: the customer can scan and pay.</source>
        <translation>O pedido está no QR: o cliente pode escanear e pagar.</translation>
    </message>
    <message>
        <source>Ask the customer to scan the QR with the Mercado Pago app. Esc cancels the charge.</source>
        <translation>Peça ao cliente para escanear o QR com o app do Mercado Pago. Esc cancela a cobrança.</translation>
    </message>
    <message>
        <source>Customer scanned</source>
        <translation>O cliente escaneou</translation>
    </message>
    <message>
        <source>The customer scanned the QR and is confirming the payment.</source>
        <translation>O cliente escaneou o QR e está confirmando o pagamento.</translation>
    </message>
    <message>
        <source>Wait while they confirm in their app.</source>
        <translation>Aguarde enquanto ele confirma no app.</translation>
    </message>
    <message>
        <source>Payment rejected</source>
        <translation>Pagamento recusado</translation>
    </message>
    <message>
        <source>The payment was rejected; the order is still on the QR.</source>
        <translation>O pagamento foi recusado; o pedido continua no QR.</translation>
    </message>
    <message>
        <source>The customer can try again with another card or account. If they pay another way, press Esc to cancel.</source>
        <translation>O cliente pode tentar de novo com outro cartão ou conta. Se ele pagar de outra forma, tecle Esc para cancelar.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Removing the order from the QR and checking for a last-second payment.</source>
        <translation>Retirando o pedido do QR e verificando se houve um pagamento de última hora.</translation>
    </message>
    <message>
        <source>Wait: if the customer paid in the meantime, the sale completes as paid.</source>
        <translation>Aguarde: se o cliente pagou nesse meio-tempo, a venda é concluída como paga.</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Paid with Mercado Pago.</source>
        <translation>Pago com Mercado Pago.</translation>
    </message>
    <message>
        <source>Hand over the receipt. Scan the next item to start a new sale.</source>
        <translation>Entregue o comprovante. Escaneie o próximo item para começar uma nova venda.</translation>
    </message>
    <message>
        <source>Expired unpaid</source>
        <translation>Expirou sem pagamento</translation>
    </message>
    <message>
        <source>The order expired on the QR before it was paid.</source>
        <translation>O pedido expirou no QR antes de ser pago.</translation>
    </message>
    <message>
        <source>Press Charge (F12) to show it again, or take another payment method.</source>
        <translation>Tecle Cobrar (F12) para mostrá-lo de novo ou receba com outra forma de pagamento.</translation>
    </message>
    <message>
        <source>Charge cancelled</source>
        <translation>Cobrança cancelada</translation>
    </message>
    <message>
        <source>The order was removed from the QR and nothing was paid.</source>
        <translation>O pedido foi retirado do QR e nada foi pago.</translation>
    </message>
    <message>
        <source>Press Charge (F12) to charge again, or Esc to clear the cart.</source>
        <translation>Tecle Cobrar (F12) para cobrar de novo ou Esc para esvaziar o carrinho.</translation>
    </message>
    <message>
        <source>Order not placed</source>
        <translation>Pedido não publicado</translation>
    </message>
    <message>
        <source>The order could not be placed on the QR.</source>
        <translation>Não foi possível publicar o pedido no QR.</translation>
    </message>
    <message>
        <source>The sale is kept: press Charge (F12) to try again.</source>
        <translation>A venda é mantida: tecle Cobrar (F12) para tentar de novo.</translation>
    </message>
    <message>
        <source>Payment not confirmed</source>
        <translation>Pagamento não confirmado</translation>
    </message>
    <message>
        <source>Mercado Pago&apos;s answer could not be confirmed for this sale.</source>
        <translation>Não foi possível confirmar a resposta do Mercado Pago para esta venda.</translation>
    </message>
    <message>
        <source>Do not hand over the goods yet: call a supervisor to review it in Sales of the day (F9).</source>
        <translation>Ainda não entregue a mercadoria: chame um supervisor para revisá-la em Vendas do dia (F9).</translation>
    </message>
    <message>
        <source>Marked not paid</source>
        <translation>Marcada como não paga</translation>
    </message>
    <message>
        <source>A supervisor marked this charge as not paid.</source>
        <translation>Um supervisor marcou esta cobrança como não paga.</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>Sem conexão</translation>
    </message>
    <message>
        <source>Mercado Pago cannot be reached from this computer.</source>
        <translation>Não é possível acessar o Mercado Pago deste computador.</translation>
    </message>
    <message>
        <source>The sale is kept. Check the internet connection and press Charge (F12) again, or take another payment method.</source>
        <translation>A venda é mantida. Verifique a conexão com a internet e tecle Cobrar (F12) de novo, ou receba com outra forma de pagamento.</translation>
    </message>
    <message>
        <source>Sale in progress</source>
        <translation>Venda em andamento</translation>
    </message>
    <message>
        <source>Keep scanning or typing items; nothing is charged yet.</source>
        <translation>Continue escaneando ou digitando itens; nada foi cobrado ainda.</translation>
    </message>
    <message>
        <source>Payment being verified</source>
        <translation>Pagamento em verificação</translation>
    </message>
    <message>
        <source>Mercado Pago is not answering: if the customer has paid, the sale completes as soon as the connection is back.</source>
        <translation>O Mercado Pago não responde: se o cliente já pagou, a venda se completa assim que a conexão voltar.</translation>
    </message>
    <message>
        <source>Do not charge again. The customer&apos;s screen says the payment is being verified.</source>
        <translation>Não cobre de novo. A tela do cliente mostra que o pagamento está em verificação.</translation>
    </message>
    <message>
        <source>Mercado Pago is not answering</source>
        <translation>O Mercado Pago não responde</translation>
    </message>
    <message>
        <source>It is not known whether the order reached the QR: Mercado Pago has not answered after several tries.</source>
        <translation>Não se sabe se o pedido chegou ao QR: o Mercado Pago não respondeu após várias tentativas.</translation>
    </message>
    <message>
        <source>Do not charge again. To take cash instead, press Esc to cancel the charge, then Cash (F8).</source>
        <translation>Não cobre de novo. Para receber em dinheiro, tecle Esc para cancelar a cobrança e depois Dinheiro (F8).</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Checking unfinished sales with Mercado Pago before the first charge.</source>
        <translation>Verificando com o Mercado Pago as vendas não concluídas antes da primeira cobrança.</translation>
    </message>
    <message>
        <source>You can already scan items; Charge is enabled in a moment.</source>
        <translation>Você já pode escanear itens; Cobrar é liberado em instantes.</translation>
    </message>
</context>
<context>
    <name>StickerPage</name>
    <message>
        <source>Print sticker</source>
        <translation>Imprimir adesivo</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Salvar como PDF…</translation>
    </message>
    <message>
        <source>Printer for the sticker (A6)</source>
        <translation>Impressora para o adesivo (A6)</translation>
    </message>
    <message>
        <source>No printer installed</source>
        <translation>Nenhuma impressora instalada</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Loja</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Caixa</translation>
    </message>
    <message>
        <source>The QR appears here once
the register is set up.</source>
        <translation>O QR aparece aqui quando
o caixa estiver configurado.</translation>
    </message>
    <message>
        <source>Mercado Pago did not send this register&apos;s QR, so it was built from its POS number.</source>
        <translation>O Mercado Pago não enviou o QR deste caixa, então ele foi montado a partir do número do POS.</translation>
    </message>
    <message>
        <source>This is a sandbox QR: only the sandbox&apos;s phone page can pay it.</source>
        <translation>Este é um QR do sandbox: só a página de celular do sandbox consegue pagá-lo.</translation>
    </message>
    <message>
        <source>Save a PDF and print it elsewhere.</source>
        <translation>Salve um PDF e imprima em outro lugar.</translation>
    </message>
    <message>
        <source>The sticker did not print: %1</source>
        <translation>O adesivo não foi impresso: %1</translation>
    </message>
    <message>
        <source>The sticker was sent to %1.</source>
        <translation>O adesivo foi enviado para %1.</translation>
    </message>
    <message>
        <source>The sticker was not saved: %1</source>
        <translation>O adesivo não foi salvo: %1</translation>
    </message>
    <message>
        <source>The sticker was saved to %1.</source>
        <translation>O adesivo foi salvo em %1.</translation>
    </message>
    <message>
        <source>Save the QR sticker as PDF</source>
        <translation>Salvar o adesivo QR como PDF</translation>
    </message>
</context>
<context>
    <name>StoreBinder</name>
    <message>
        <source>This register&apos;s catalog comes from the store: import it with qrcashier-admin catalog import --store</source>
        <translation>O catálogo deste caixa vem da loja: importe-o com qrcashier-admin catalog import --store</translation>
    </message>
    <message>
        <source>Change a &amp;price in the store…</source>
        <translation>Alterar um &amp;preço na loja…</translation>
    </message>
    <message>
        <source>Store &amp;report…</source>
        <translation>&amp;Relatório da loja…</translation>
    </message>
    <message>
        <source>see the store report</source>
        <translation>ver o relatório da loja</translation>
    </message>
</context>
<context>
    <name>StoreFields</name>
    <message>
        <source>e.g. host=192.168.0.10 dbname=store user=qrc_caja2 (empty: no store server)</source>
        <translation>ex.: host=192.168.0.10 dbname=store user=qrc_caja2 (vazio: sem servidor da loja)</translation>
    </message>
    <message>
        <source>kept in the keyring; empty: unchanged</source>
        <translation>guardada no chaveiro; vazio: sem alteração</translation>
    </message>
    <message>
        <source>Store database (PostgreSQL)</source>
        <translation>Banco de dados da loja (PostgreSQL)</translation>
    </message>
    <message>
        <source>Store database password</source>
        <translation>Senha do banco de dados da loja</translation>
    </message>
    <message>
        <source>Give the store database first, then its password.</source>
        <translation>Informe primeiro o banco de dados da loja e depois a senha.</translation>
    </message>
    <message>
        <source>The store database is a PostgreSQL DSN (host=... dbname=... user=...) or a libpq service name.</source>
        <translation>O banco de dados da loja é um DSN do PostgreSQL (host=... dbname=... user=...) ou um nome de serviço do libpq.</translation>
    </message>
    <message>
        <source>Leave the password out of the store database&apos;s address: type it in the password field, which keeps it in the keyring.</source>
        <translation>Não coloque a senha no endereço do banco de dados da loja: digite-a no campo de senha, que a guarda no chaveiro.</translation>
    </message>
    <message>
        <source>This computer has no secure keyring to keep the store database&apos;s password in: use libpq&apos;s .pgpass file instead, or start a keyring and save again.</source>
        <translation>Este computador não tem um chaveiro seguro para guardar a senha do banco de dados da loja: use o arquivo .pgpass do libpq, ou inicie um chaveiro e salve de novo.</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>e.g. Kiosco Centro</source>
        <translation>p. ex. Quiosque Centro</translation>
    </message>
    <message>
        <source>letters and digits, e.g. KIOSCO1</source>
        <translation>letras e números, p. ex. KIOSCO1</translation>
    </message>
    <message>
        <source>street</source>
        <translation>rua</translation>
    </message>
    <message>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <source>city, as Mercado Libre spells it</source>
        <translation>cidade, como o Mercado Livre a escreve</translation>
    </message>
    <message>
        <source>province or state</source>
        <translation>estado ou província</translation>
    </message>
    <message>
        <source>latitude, e.g. -34.6037</source>
        <translation>latitude, p. ex. -34.6037</translation>
    </message>
    <message>
        <source>longitude, e.g. -58.3816</source>
        <translation>longitude, p. ex. -58.3816</translation>
    </message>
    <message>
        <source>e.g. Caja 1</source>
        <translation>p. ex. Caixa 1</translation>
    </message>
    <message>
        <source>letters and digits, e.g. CAJA1</source>
        <translation>letras e números, p. ex. CAJA1</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Loja</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Store id</source>
        <translation>ID da loja</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Rua</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Cidade</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>This register (Mercado Pago POS)</source>
        <translation>Este caixa (POS do Mercado Pago)</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Caixa</translation>
    </message>
    <message>
        <source>POS id</source>
        <translation>ID do POS</translation>
    </message>
    <message>
        <source>Attended register (cashier)</source>
        <translation>Caixa com atendente (operador)</translation>
    </message>
    <message>
        <source>Self-service (the POS carries our URL)</source>
        <translation>Autoatendimento (o POS leva a nossa URL)</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pagamento</translation>
    </message>
    <message>
        <source>e.g. https://pay.example.com/mp/unattended</source>
        <translation>p. ex. https://pay.example.com/mp/unattended</translation>
    </message>
    <message>
        <source>Public URL</source>
        <translation>URL pública</translation>
    </message>
    <message>
        <source>Check and create</source>
        <translation>Verificar e criar</translation>
    </message>
    <message>
        <source>Reading the account&apos;s stores…</source>
        <translation>Lendo as lojas da conta…</translation>
    </message>
    <message>
        <source>New store…</source>
        <translation>Nova loja…</translation>
    </message>
    <message>
        <source>Reading the store&apos;s registers…</source>
        <translation>Lendo os caixas da loja…</translation>
    </message>
    <message>
        <source>New register…</source>
        <translation>Novo caixa…</translation>
    </message>
    <message>
        <source>In the sandbox the public URL may stay empty: the sandbox calls this computer&apos;s endpoint, %1, directly.</source>
        <translation>No sandbox a URL pública pode ficar vazia: o sandbox chama diretamente o endpoint deste computador, %1.</translation>
    </message>
    <message>
        <source>The https address of the reverse proxy that forwards to this computer&apos;s endpoint (port %1); Mercado Pago must have enabled its domain for the account.</source>
        <translation>O endereço https do proxy reverso que encaminha para o endpoint deste computador (porta %1); o Mercado Pago precisa ter habilitado o domínio dele para a conta.</translation>
    </message>
    <message>
        <source>Give the store a name.</source>
        <translation>Dê um nome à loja.</translation>
    </message>
    <message>
        <source>Latitude and longitude are numbers, like -34.6037 and -58.3816.</source>
        <translation>Latitude e longitude são números, como -34.6037 e -58.3816.</translation>
    </message>
    <message>
        <source>Latitude is between -90 and 90, longitude between -180 and 180.</source>
        <translation>A latitude vai de -90 a 90 e a longitude de -180 a 180.</translation>
    </message>
    <message>
        <source>Mercado Pago needs the store&apos;s street.</source>
        <translation>O Mercado Pago precisa da rua da loja.</translation>
    </message>
    <message>
        <source>Mercado Pago needs the store&apos;s street number.</source>
        <translation>O Mercado Pago precisa do número da loja.</translation>
    </message>
    <message>
        <source>Mercado Pago needs the store&apos;s city.</source>
        <translation>O Mercado Pago precisa da cidade da loja.</translation>
    </message>
    <message>
        <source>Mercado Pago needs the store&apos;s province or state.</source>
        <translation>O Mercado Pago precisa do estado da loja.</translation>
    </message>
    <message>
        <source>The register&apos;s name is 1 to 44 characters.</source>
        <translation>O nome do caixa tem de 1 a 44 caracteres.</translation>
    </message>
    <message>
        <source>Choose a store and a register.</source>
        <translation>Escolha uma loja e um caixa.</translation>
    </message>
    <message>
        <source>Checking the store and register with Mercado Pago (creating what is missing)…</source>
        <translation>Verificando a loja e o caixa com o Mercado Pago (criando o que faltar)…</translation>
    </message>
    <message>
        <source>Created the store %1 (%2) and created the register %3 (%4, POS number %5), fixed amount.</source>
        <translation>A loja %1 (%2) foi criada e o caixa %3 (%4, POS número %5) foi criado, com valor fixo.</translation>
    </message>
    <message>
        <source>Created the store %1 (%2) and found the register %3 (%4, POS number %5, fixed amount), which will be reused.</source>
        <translation>A loja %1 (%2) foi criada e o caixa %3 (%4, POS número %5, valor fixo) foi encontrado e será reutilizado.</translation>
    </message>
    <message>
        <source>Found the store %1 (%2) and found the register %3 (%4, POS number %5, fixed amount), which will be reused.</source>
        <translation>A loja %1 (%2) foi encontrada e o caixa %3 (%4, POS número %5, valor fixo) foi encontrado e será reutilizado.</translation>
    </message>
    <message>
        <source>Self-service: Mercado Pago will ask %1 for each order.</source>
        <translation>Autoatendimento: o Mercado Pago vai pedir cada pedido a %1.</translation>
    </message>
    <message>
        <source>Found the store %1 (%2) and created the register %3 (%4, POS number %5), fixed amount.</source>
        <translation>A loja %1 (%2) foi encontrada e o caixa %3 (%4, POS número %5) foi criado, com valor fixo.</translation>
    </message>
</context>
<context>
    <name>StorePriceDialog</name>
    <message>
        <source>Change a price in the store</source>
        <translation>Alterar um preço na loja</translation>
    </message>
    <message>
        <source>The new price goes to the store&apos;s catalog and reaches every register in a few seconds. A supervisor authorises it with the PIN.</source>
        <translation>O novo preço vai para o catálogo da loja e chega a todos os caixas em poucos segundos. Um supervisor o autoriza com o PIN.</translation>
    </message>
    <message>
        <source>code or barcode</source>
        <translation>código ou código de barras</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Produto:</translation>
    </message>
    <message>
        <source>New price:</source>
        <translation>Novo preço:</translation>
    </message>
    <message>
        <source>&amp;Change the price</source>
        <translation>&amp;Alterar o preço</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>No such product in this register&apos;s catalog.</source>
        <translation>Não há nenhum produto assim no catálogo deste caixa.</translation>
    </message>
    <message>
        <source>%1 (%2), now %3</source>
        <translation>%1 (%2), agora %3</translation>
    </message>
    <message>
        <source>Type the code or barcode of a product of this register&apos;s catalog.</source>
        <translation>Digite o código ou o código de barras de um produto do catálogo deste caixa.</translation>
    </message>
    <message>
        <source>The new price cannot be read: %1</source>
        <translation>Não é possível ler o novo preço: %1</translation>
    </message>
    <message>
        <source>change a price in the store</source>
        <translation>alterar um preço na loja</translation>
    </message>
    <message>
        <source>Changing the price in the store…</source>
        <translation>Alterando o preço na loja…</translation>
    </message>
    <message>
        <source>This register may not change prices in the store. The store&apos;s owner allows it with: qrcashier-admin catalog allow-prices --register %1</source>
        <translation>Este caixa não pode alterar preços na loja. O dono da loja permite com: qrcashier-admin catalog allow-prices --register %1</translation>
    </message>
    <message>
        <source>The store refused the price: %1</source>
        <translation>A loja recusou o preço: %1</translation>
    </message>
    <message>
        <source>The store server cannot be reached: the price was not changed (%1).</source>
        <translation>Não é possível conectar ao servidor da loja: o preço não foi alterado (%1).</translation>
    </message>
    <message>
        <source>The price of %1 is now %2 in the store: every register gets it in a few seconds.</source>
        <translation>O preço de %1 agora é %2 na loja: todos os caixas o recebem em poucos segundos.</translation>
    </message>
</context>
<context>
    <name>StoreReportDialog</name>
    <message>
        <source>Cash</source>
        <translation>Dinheiro</translation>
    </message>
    <message>
        <source>QR</source>
        <translation>QR</translation>
    </message>
    <message>
        <source>Card (Point)</source>
        <translation>Cartão (Point)</translation>
    </message>
    <message>
        <source>Store report</source>
        <translation>Relatório da loja</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Dia:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Atualizar</translation>
    </message>
    <message>
        <source>Store database: %1</source>
        <translation>Banco de dados da loja: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Asking the store server…</source>
        <translation>Consultando o servidor da loja…</translation>
    </message>
    <message>
        <source>%1: %2 sales in the store, %3 registers.</source>
        <translation>%1: %2 vendas na loja, %3 caixas.</translation>
    </message>
    <message>
        <source>The store server cannot be reached, so there is no store report now (this register keeps selling): %1</source>
        <translation>Não é possível conectar ao servidor da loja, então agora não há relatório da loja (este caixa continua vendendo): %1</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Caixa</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Vendas</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Reembolsos</translation>
    </message>
    <message>
        <source>Cash difference (Z)</source>
        <translation>Diferença de caixa (Z)</translation>
    </message>
    <message>
        <source>Not reconciled</source>
        <translation>Não conciliadas</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Loja</translation>
    </message>
</context>
<context>
    <name>StoreStatus</name>
    <message>
        <source>store server offline: 1 sale waiting</source>
        <translation>servidor da loja offline: 1 venda aguardando</translation>
    </message>
    <message>
        <source>store server offline: %1 sales waiting</source>
        <translation>servidor da loja offline: %1 vendas aguardando</translation>
    </message>
    <message>
        <source>store: connecting</source>
        <translation>loja: conectando</translation>
    </message>
    <message>
        <source>store: sending 1 sale</source>
        <translation>loja: enviando 1 venda</translation>
    </message>
    <message>
        <source>store: sending %1 sales</source>
        <translation>loja: enviando %1 vendas</translation>
    </message>
    <message>
        <source>store: up to date</source>
        <translation>loja: em dia</translation>
    </message>
    <message>
        <source>catalog offline: selling from the local copy</source>
        <translation>catálogo offline: vendendo com a cópia local</translation>
    </message>
    <message>
        <source>catalog: copying %1 products</source>
        <translation>catálogo: copiando %1 produtos</translation>
    </message>
</context>
<context>
    <name>SupervisorActions</name>
    <message>
        <source>Not connected yet</source>
        <translation>Ainda sem conexão</translation>
    </message>
    <message>
        <source>Supervisor actions are available once QR Cashier is connected.</source>
        <translation>As ações de supervisor ficam disponíveis quando o QR Cashier estiver conectado.</translation>
    </message>
    <message>
        <source>see the audit log</source>
        <translation>ver o registro de auditoria</translation>
    </message>
</context>
<context>
    <name>SupervisorMenu</name>
    <message>
        <source>&amp;Supervisor</source>
        <translation>&amp;Supervisão</translation>
    </message>
    <message>
        <source>&amp;Refund a sale…</source>
        <translation>&amp;Reembolsar uma venda…</translation>
    </message>
    <message>
        <source>&amp;Cancel the charge on the QR…</source>
        <translation>&amp;Cancelar a cobrança do QR…</translation>
    </message>
    <message>
        <source>&amp;Open the cash drawer</source>
        <translation>Abrir a ga&amp;veta de dinheiro</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>Registro de &amp;auditoria…</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>C&amp;onfigurações…</translation>
    </message>
    <message>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;Diagnóstico…</translation>
    </message>
    <message>
        <source>open the cash drawer</source>
        <translation>abrir a gaveta de dinheiro</translation>
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
        <translation>Valor recebido</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Exato</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recebido</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Troco</translation>
    </message>
    <message>
        <source>Take cash</source>
        <translation>Receber em dinheiro</translation>
    </message>
    <message>
        <source>Type the amount received.</source>
        <translation>Digite o valor recebido.</translation>
    </message>
</context>
<context>
    <name>TerminalPage</name>
    <message>
        <source>List the terminals again</source>
        <translation>Listar as maquininhas de novo</translation>
    </message>
    <message>
        <source>Switch to PDV mode…</source>
        <translation>Mudar para o modo PDV…</translation>
    </message>
    <message>
        <source>Terminal for this register</source>
        <translation>Maquininha deste caixa</translation>
    </message>
    <message>
        <source>Card terminal: &lt;b&gt;none&lt;/b&gt; (cards on another terminal, typed in by hand)</source>
        <translation>Maquininha: &lt;b&gt;nenhuma&lt;/b&gt; (cartões em outra maquininha, digitados à mão)</translation>
    </message>
    <message>
        <source>Card terminal: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Maquininha: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reading the account&apos;s card terminals…</source>
        <translation>Lendo as maquininhas da conta…</translation>
    </message>
    <message>
        <source>This account has no Point terminal: the register takes cards on another terminal, typed in by hand.</source>
        <translation>Esta conta não tem maquininha Point: o caixa recebe cartões em outra maquininha, registrados à mão.</translation>
    </message>
    <message>
        <source>No card terminal</source>
        <translation>Sem maquininha</translation>
    </message>
    <message>
        <source>this register&apos;s POS</source>
        <translation>este caixa</translation>
    </message>
    <message>
        <source>POS %1</source>
        <translation>Caixa %1</translation>
    </message>
    <message>
        <source>no POS</source>
        <translation>sem caixa</translation>
    </message>
    <message>
        <source>%1 (saved; not in the list)</source>
        <translation>%1 (salva; não está na lista)</translation>
    </message>
    <message>
        <source>standalone</source>
        <translation>independente</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>não definido</translation>
    </message>
    <message>
        <source>Cards are taken on another terminal and typed in by hand.</source>
        <translation>Os cartões são passados em outra maquininha e registrados à mão.</translation>
    </message>
    <message>
        <source>PDV mode: the app sends the amount to this terminal.</source>
        <translation>Modo PDV: o app envia o valor para esta maquininha.</translation>
    </message>
    <message>
        <source>Mode: %1. The terminal takes only amounts typed on it. Switch it to PDV mode for this register to send it the amount.</source>
        <translation>Modo: %1. A maquininha só recebe valores digitados nela. Mude para o modo PDV para que este caixa envie o valor.</translation>
    </message>
    <message>
        <source>Switch the terminal to PDV mode?</source>
        <translation>Mudar a maquininha para o modo PDV?</translation>
    </message>
    <message>
        <source>Terminal %1 will take amounts from this app only, not typed on it. Mercado Pago allows one PDV terminal per POS. The terminal applies the change after a restart.</source>
        <translation>A maquininha %1 vai receber só valores enviados por este app, não digitados nela. O Mercado Pago permite uma maquininha em modo PDV por caixa. A maquininha aplica a mudança depois de reiniciar.</translation>
    </message>
    <message>
        <source>Switching the terminal to PDV mode…</source>
        <translation>Mudando a maquininha para o modo PDV…</translation>
    </message>
    <message>
        <source>Terminal %1 is now in %2 mode: restart it to apply the change.</source>
        <translation>A maquininha %1 agora está no modo %2: reinicie-a para aplicar a mudança.</translation>
    </message>
</context>
<context>
    <name>TillBinder</name>
    <message>
        <source>Cash</source>
        <translation>Dinheiro</translation>
    </message>
    <message>
        <source>&amp;Till</source>
        <translation>&amp;Caixa</translation>
    </message>
    <message>
        <source>Open shift…</source>
        <translation>Abrir turno…</translation>
    </message>
    <message>
        <source>Cash in…</source>
        <translation>Entrada de dinheiro…</translation>
    </message>
    <message>
        <source>Cash out…</source>
        <translation>Retirada de dinheiro…</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>Relatório X</translation>
    </message>
    <message>
        <source>Close shift…</source>
        <translation>Fechar turno…</translation>
    </message>
    <message>
        <source>A supervisor must authorize this: set a supervisor PIN first.</source>
        <translation>Um supervisor deve autorizar: configure antes um PIN de supervisor.</translation>
    </message>
    <message>
        <source>Cash and QR or card…</source>
        <translation>Dinheiro e QR ou cartão…</translation>
    </message>
    <message>
        <source>Open the shift first (Till menu): count the float.</source>
        <translation>Abra o turno primeiro (menu Caixa): conte o fundo de troco.</translation>
    </message>
    <message>
        <source>The cart is empty: scan or add an item first.</source>
        <translation>O carrinho está vazio: escaneie ou adicione um item primeiro.</translation>
    </message>
    <message>
        <source>Split a new cart: this sale was already charged.</source>
        <translation>Divida um carrinho novo: esta venda já foi cobrada.</translation>
    </message>
    <message>
        <source>Shift %1 is open.</source>
        <translation>O turno %1 está aberto.</translation>
    </message>
    <message>
        <source>move cash</source>
        <translation>movimentar dinheiro</translation>
    </message>
    <message>
        <source>Cash movement recorded.</source>
        <translation>Movimentação de dinheiro registrada.</translation>
    </message>
    <message>
        <source>accept the difference in the count</source>
        <translation>aceitar a diferença na contagem</translation>
    </message>
    <message>
        <source>%1 report, shift %2: %3 sales; cash %4, QR %5; expected cash %6.</source>
        <translation>Relatório %1, turno %2: %3 vendas; dinheiro %4, QR %5; dinheiro esperado %6.</translation>
    </message>
    <message>
        <source>Cards: Point %1, other terminals %2.</source>
        <translation>Cartões: Point %1, outras maquininhas %2.</translation>
    </message>
    <message>
        <source>Counted %1, difference %2.</source>
        <translation>Contado %1, diferença %2.</translation>
    </message>
    <message>
        <source>Till report</source>
        <translation>Relatório do caixa</translation>
    </message>
</context>
<context>
    <name>TillDialogs</name>
    <message>
        <source>Less than what is due: nothing is recorded.</source>
        <translation>Menos do que o devido: nada é registrado.</translation>
    </message>
    <message>
        <source>That amount is above the limit: check it.</source>
        <translation>Esse valor está acima do limite: confira.</translation>
    </message>
    <message>
        <source>A supervisor must authorize this, with a reason.</source>
        <translation>Um supervisor deve autorizar, com um motivo.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Dinheiro</translation>
    </message>
    <message>
        <source>Open the shift</source>
        <translation>Abrir o turno</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Entrada de dinheiro</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Retirada de dinheiro</translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation>Fechar o turno</translation>
    </message>
    <message>
        <source>Cash and QR</source>
        <translation>Dinheiro e QR</translation>
    </message>
</context>
<context>
    <name>TokenPage</name>
    <message>
        <source>APP_USR-…  (production)   or   TEST-…  (test account)</source>
        <translation>APP_USR-…  (produção)   ou   TEST-…  (conta de teste)</translation>
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
        <translation>O que você pode fazer em vez disso:</translation>
    </message>
    <message>
        <source>Keep the token for this session only (asked again at the next start)</source>
        <translation>Manter o token só nesta sessão (ele é pedido de novo na próxima inicialização)</translation>
    </message>
    <message>
        <source>Check again for a password store</source>
        <translation>Procurar de novo um cofre de senhas</translation>
    </message>
    <message>
        <source>Remove the token</source>
        <translation>Remover o token</translation>
    </message>
    <message>
        <source>Current token: %1 (TEST account), %2. Paste a new one to replace it.</source>
        <translation>Token atual: %1 (conta de TESTE), %2. Cole um novo para substituí-lo.</translation>
    </message>
    <message>
        <source>Current token: %1, %2. Paste a new one to replace it.</source>
        <translation>Token atual: %1, %2. Cole um novo para substituí-lo.</translation>
    </message>
    <message>
        <source>The token is saved only in %1, never in a file.</source>
        <translation>O token é salvo só em %1, nunca em um arquivo.</translation>
    </message>
    <message>
        <source>No secure password store is available.</source>
        <translation>Não há nenhum cofre de senhas seguro disponível.</translation>
    </message>
    <message>
        <source>Asking Mercado Pago who this token belongs to…</source>
        <translation>Perguntando ao Mercado Pago a quem pertence este token…</translation>
    </message>
    <message>
        <source>Remove the access token?</source>
        <translation>Remover o token de acesso?</translation>
    </message>
    <message>
        <source>QR Cashier will not be able to take Mercado Pago payments until a supervisor pastes a token again.</source>
        <translation>O QR Cashier não vai conseguir receber pagamentos do Mercado Pago até que um supervisor cole um token de novo.</translation>
    </message>
    <message>
        <source>The access token was removed from this computer.</source>
        <translation>O token de acesso foi removido deste computador.</translation>
    </message>
</context>
<context>
    <name>TokenRefusedNotice</name>
    <message>
        <source>Mercado Pago refused this register&apos;s access token (401), so no payment can be taken or checked right now. The sale is kept. Call a supervisor to replace the token in Settings.</source>
        <translation>O Mercado Pago recusou o token de acesso deste caixa (401), então agora não é possível receber nem verificar nenhum pagamento. A venda é mantida. Chame um supervisor para substituir o token em Configurações.</translation>
    </message>
    <message>
        <source>Access token refused</source>
        <translation>Token de acesso recusado</translation>
    </message>
    <message>
        <source>Call a supervisor</source>
        <translation>Chame um supervisor</translation>
    </message>
    <message>
        <source>Supervisor: replace the token</source>
        <translation>Supervisor: substituir o token</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Depois</translation>
    </message>
</context>
<context>
    <name>_TillDialog</name>
    <message>
        <source>Or count by denomination (Tab, Enter: next)</source>
        <translation>Ou conte por cédula e moeda (Tab, Enter: próximo)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>QR Cashier: unexpected error</source>
        <translation>QR Cashier: erro inesperado</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>The sale is saved; sending the order to the QR.</source>
        <translation>A venda está salva; enviando o pedido para o QR.</translation>
    </message>
    <message>
        <source>Sending the order to the QR.</source>
        <translation>Enviando o pedido para o QR.</translation>
    </message>
    <message>
        <source>The order is on the QR: the customer can scan and pay.</source>
        <translation>O pedido está no QR: o cliente pode escanear e pagar.</translation>
    </message>
    <message>
        <source>Checking with Mercado Pago whether the order reached the QR.</source>
        <translation>Verificando com o Mercado Pago se o pedido chegou ao QR.</translation>
    </message>
    <message>
        <source>Cancelling: removing the order from the QR and checking for a last-second payment.</source>
        <translation>Cancelando: retirando o pedido do QR e verificando se houve um pagamento de última hora.</translation>
    </message>
    <message>
        <source>Paid. The receipt is printing.</source>
        <translation>Pago. O comprovante está sendo impresso.</translation>
    </message>
    <message>
        <source>Cancelled: the order was removed from the QR and nothing was paid.</source>
        <translation>Cancelado: o pedido foi retirado do QR e nada foi pago.</translation>
    </message>
    <message>
        <source>Cancelled, but this order&apos;s QR cannot be withdrawn: until it expires, a customer who has it can still pay, and that payment completes the sale.</source>
        <translation>Cancelado, mas o QR deste pedido não pode ser retirado: até ele expirar, um cliente que o tenha ainda pode pagar, e esse pagamento conclui a venda.</translation>
    </message>
    <message>
        <source>The order expired unpaid; you can charge the sale again.</source>
        <translation>O pedido expirou sem pagamento; você pode cobrar a venda de novo.</translation>
    </message>
    <message>
        <source>The order could not be placed on the QR; you can charge the sale again.</source>
        <translation>Não foi possível publicar o pedido no QR; você pode cobrar a venda de novo.</translation>
    </message>
    <message>
        <source>The payment could not be confirmed: a supervisor must review this sale.</source>
        <translation>Não foi possível confirmar o pagamento: um supervisor precisa revisar esta venda.</translation>
    </message>
    <message>
        <source>A supervisor marked this attempt as not paid.</source>
        <translation>Um supervisor marcou esta tentativa como não paga.</translation>
    </message>
    <message>
        <source>Paid.</source>
        <translation>Pago.</translation>
    </message>
    <message>
        <source>Mercado Pago closed the order but the amounts paid do not match the total: a supervisor must review it.</source>
        <translation>O Mercado Pago fechou o pedido, mas os valores pagos não batem com o total: um supervisor precisa revisá-lo.</translation>
    </message>
    <message>
        <source>The order expired unpaid.</source>
        <translation>O pedido expirou sem pagamento.</translation>
    </message>
    <message>
        <source>The payment was rejected: the customer may try again with another card or account.</source>
        <translation>O pagamento foi recusado: o cliente pode tentar de novo com outro cartão ou conta.</translation>
    </message>
    <message>
        <source>The customer scanned the QR.</source>
        <translation>O cliente escaneou o QR.</translation>
    </message>
    <message>
        <source>Waiting for the customer to scan the QR.</source>
        <translation>Aguardando o cliente escanear o QR.</translation>
    </message>
    <message>
        <source>The payment was charged back: a supervisor must review this sale.</source>
        <translation>O pagamento sofreu um chargeback: um supervisor precisa revisar esta venda.</translation>
    </message>
    <message>
        <source>The order was cancelled; nothing was paid.</source>
        <translation>O pedido foi cancelado; nada foi pago.</translation>
    </message>
    <message>
        <source>The payment failed and Mercado Pago closed the order; nothing was paid.</source>
        <translation>O pagamento falhou e o Mercado Pago fechou o pedido; nada foi pago.</translation>
    </message>
    <message>
        <source>The customer is paying.</source>
        <translation>O cliente está pagando.</translation>
    </message>
    <message>
        <source>Mercado Pago already shows a refund on this payment</source>
        <translation>O Mercado Pago já mostra um reembolso neste pagamento</translation>
    </message>
    <message>
        <source>Mercado Pago could not be reached.</source>
        <translation>Não foi possível acessar o Mercado Pago.</translation>
    </message>
    <message>
        <source>QR Cashier is still checking earlier sales with Mercado Pago; try again in a moment.</source>
        <translation>O QR Cashier ainda está verificando vendas anteriores com o Mercado Pago; tente de novo em instantes.</translation>
    </message>
    <message>
        <source>Another sale&apos;s order is still on this register&apos;s QR: wait for it, or ask a supervisor to cancel it.</source>
        <translation>O pedido de outra venda continua no QR deste caixa: aguarde ou peça a um supervisor para cancelá-lo.</translation>
    </message>
    <message>
        <source>This sale belongs to another register.</source>
        <translation>Esta venda pertence a outro caixa.</translation>
    </message>
    <message>
        <source>This attempt belongs to another register.</source>
        <translation>Esta tentativa pertence a outro caixa.</translation>
    </message>
    <message>
        <source>This payment belongs to another register.</source>
        <translation>Este pagamento pertence a outro caixa.</translation>
    </message>
    <message>
        <source>The order was not sent; the sale is kept: charge it again when the connection is back.</source>
        <translation>O pedido não foi enviado; a venda é mantida: cobre de novo quando a conexão voltar.</translation>
    </message>
    <message>
        <source>Checking whether the order reached the QR.</source>
        <translation>Verificando se o pedido chegou ao QR.</translation>
    </message>
    <message>
        <source>The sale is kept; you can charge it again.</source>
        <translation>A venda é mantida; você pode cobrá-la de novo.</translation>
    </message>
    <message>
        <source>Something went wrong while sending the order; checking with Mercado Pago.</source>
        <translation>Algo deu errado ao enviar o pedido; verificando com o Mercado Pago.</translation>
    </message>
    <message>
        <source>Still trying to place the order on the QR.</source>
        <translation>Ainda tentando publicar o pedido no QR.</translation>
    </message>
    <message>
        <source>The customer paid before the cancel took effect: the sale is paid and the receipt is printing.</source>
        <translation>O cliente pagou antes de o cancelamento valer: a venda está paga e o comprovante está sendo impresso.</translation>
    </message>
    <message>
        <source>If they also paid another way, a supervisor should refund one payment.</source>
        <translation>Se ele também pagou de outra forma, um supervisor deve reembolsar um dos pagamentos.</translation>
    </message>
    <message>
        <source>Print the receipt.</source>
        <translation>Imprima o comprovante.</translation>
    </message>
    <message>
        <source>Print the receipt copy.</source>
        <translation>Imprima a cópia do comprovante.</translation>
    </message>
    <message>
        <source>Mercado Pago cancelled the order; nothing was paid.</source>
        <translation>O Mercado Pago cancelou o pedido; nada foi pago.</translation>
    </message>
    <message>
        <source>Mercado Pago has the order: the customer can scan and pay.</source>
        <translation>O Mercado Pago está com o pedido: o cliente pode escanear e pagar.</translation>
    </message>
    <message>
        <source>Something went wrong while checking the payment; trying again.</source>
        <translation>Algo deu errado ao verificar o pagamento; tentando de novo.</translation>
    </message>
    <message>
        <source>Checking again in a moment.</source>
        <translation>Verificando de novo em instantes.</translation>
    </message>
    <message>
        <source>Mercado Pago could not be asked whether this sale was paid before its order expired: a supervisor must review it.</source>
        <translation>Não foi possível perguntar ao Mercado Pago se esta venda foi paga antes de o pedido expirar: um supervisor precisa revisá-la.</translation>
    </message>
    <message>
        <source>Cancelled before the order was sent.</source>
        <translation>Cancelado antes de o pedido ser enviado.</translation>
    </message>
    <message>
        <source>The cancel is not confirmed yet: the order may still be on the QR.</source>
        <translation>O cancelamento ainda não foi confirmado: o pedido pode continuar no QR.</translation>
    </message>
    <message>
        <source>QR Cashier keeps trying.</source>
        <translation>O QR Cashier continua tentando.</translation>
    </message>
    <message>
        <source>The refund is not confirmed yet; retrying uses the same key, so it can never be refunded twice.</source>
        <translation>O reembolso ainda não foi confirmado; a nova tentativa usa a mesma chave, então ele nunca pode ser reembolsado duas vezes.</translation>
    </message>
    <message>
        <source>Could not check an earlier sale; it stays open and is checked again.</source>
        <translation>Não foi possível verificar uma venda anterior; ela fica aberta e é verificada de novo.</translation>
    </message>
    <message>
        <source>QR Cashier stopped before this order was sent; the sale is kept: charge it again.</source>
        <translation>O QR Cashier parou antes de enviar este pedido; a venda é mantida: cobre de novo.</translation>
    </message>
    <message>
        <source>QR Cashier stopped while sending this order; checking with Mercado Pago.</source>
        <translation>O QR Cashier parou enquanto enviava este pedido; verificando com o Mercado Pago.</translation>
    </message>
    <message>
        <source>An earlier sale is still being checked.</source>
        <translation>Uma venda anterior ainda está sendo verificada.</translation>
    </message>
    <message>
        <source>Mercado Pago shows this sale paid: it is marked paid and the receipt is printing.</source>
        <translation>O Mercado Pago mostra esta venda como paga: ela é marcada como paga e o comprovante está sendo impresso.</translation>
    </message>
    <message>
        <source>A supervisor confirmed the payment: the receipt is printing.</source>
        <translation>Um supervisor confirmou o pagamento: o comprovante está sendo impresso.</translation>
    </message>
    <message>
        <source>A supervisor must first review this sale&apos;s earlier payment attempt: it may have been paid.</source>
        <translation>Primeiro um supervisor precisa revisar a tentativa de pagamento anterior desta venda: ela pode ter sido paga.</translation>
    </message>
    <message>
        <source>Another order is still on this register&apos;s QR: wait for it to finish or cancel it first.</source>
        <translation>Outro pedido continua no QR deste caixa: aguarde ele terminar ou cancele-o antes.</translation>
    </message>
    <message>
        <source>Another order is still on this register&apos;s QR.</source>
        <translation>Outro pedido continua no QR deste caixa.</translation>
    </message>
    <message>
        <source>A refund must be greater than zero.</source>
        <translation>Um reembolso deve ser maior que zero.</translation>
    </message>
    <message>
        <source>Only a paid sale has a receipt to reprint.</source>
        <translation>Só uma venda paga tem comprovante para reimprimir.</translation>
    </message>
    <message>
        <source>This sale has an order on the QR or awaiting review: it cannot be discarded.</source>
        <translation>Esta venda tem um pedido no QR ou aguardando revisão: não pode ser descartada.</translation>
    </message>
    <message>
        <source>Mercado Pago could not complete the request.</source>
        <translation>O Mercado Pago não conseguiu concluir a solicitação.</translation>
    </message>
    <message>
        <source>Mercado Pago rejected the request as invalid.</source>
        <translation>O Mercado Pago recusou a solicitação por ser inválida.</translation>
    </message>
    <message>
        <source>The access token was refused (401). It may be wrong, revoked or expired: ask a supervisor to enter a valid token in Settings.</source>
        <translation>O token de acesso foi recusado (401). Ele pode estar errado, ter sido revogado ou ter expirado: peça a um supervisor para informar um token válido em Configurações.</translation>
    </message>
    <message>
        <source>There is no access token on this computer: ask a supervisor to enter one in Settings.</source>
        <translation>Não há um token de acesso neste computador: peça a um supervisor que informe um em Configurações.</translation>
    </message>
    <message>
        <source>This Mercado Pago account is not allowed to do this (403): check that the QR product is enabled and that the token belongs to this store&apos;s account.</source>
        <translation>Esta conta do Mercado Pago não tem permissão para fazer isso (403): verifique se o produto QR está habilitado e se o token é da conta desta loja.</translation>
    </message>
    <message>
        <source>Mercado Pago does not know this resource (404).</source>
        <translation>O Mercado Pago não conhece este recurso (404).</translation>
    </message>
    <message>
        <source>Mercado Pago does not know this register&apos;s POS (404): check the store and POS ids in Settings (the POS external id, not its number).</source>
        <translation>O Mercado Pago não conhece o POS deste caixa (404): verifique os IDs da loja e do POS em Configurações (o ID externo do POS, não o número dele).</translation>
    </message>
    <message>
        <source>Mercado Pago refused the request because it conflicts with an earlier one (409).</source>
        <translation>O Mercado Pago recusou a solicitação porque ela conflita com uma anterior (409).</translation>
    </message>
    <message>
        <source>Mercado Pago asked us to slow down (429); retrying shortly.</source>
        <translation>O Mercado Pago pediu para diminuir o ritmo (429); tentando de novo em breve.</translation>
    </message>
    <message>
        <source>Mercado Pago is having trouble right now (server error); retrying shortly.</source>
        <translation>O Mercado Pago está com problemas agora (erro do servidor); tentando de novo em breve.</translation>
    </message>
    <message>
        <source>Mercado Pago did not answer in time; checking again.</source>
        <translation>O Mercado Pago não respondeu a tempo; verificando de novo.</translation>
    </message>
    <message>
        <source>Cannot reach Mercado Pago: check the internet connection.</source>
        <translation>Não é possível acessar o Mercado Pago: verifique a conexão com a internet.</translation>
    </message>
    <message>
        <source>Mercado Pago sent an unreadable answer; checking again.</source>
        <translation>O Mercado Pago enviou uma resposta ilegível; verificando de novo.</translation>
    </message>
    <message>
        <source>The quantity must be a whole number.</source>
        <translation>A quantidade deve ser um número inteiro.</translation>
    </message>
    <message>
        <source>The quantity must be at least 1.</source>
        <translation>A quantidade deve ser pelo menos 1.</translation>
    </message>
    <message>
        <source>The cart is empty: add at least one item.</source>
        <translation>O carrinho está vazio: adicione pelo menos um item.</translation>
    </message>
    <message>
        <source>The total must be greater than zero.</source>
        <translation>O total deve ser maior que zero.</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>Informe um valor.</translation>
    </message>
    <message>
        <source>The amount must be a finite number.</source>
        <translation>O valor deve ser um número finito.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>O valor não pode ser negativo.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>O valor deve ser maior que zero.</translation>
    </message>
    <message>
        <source>The PIN is digits only.</source>
        <translation>O PIN tem só dígitos.</translation>
    </message>
    <message>
        <source>A PIN of one repeated digit is too easy to guess.</source>
        <translation>Um PIN com um único dígito repetido é fácil demais de adivinhar.</translation>
    </message>
    <message>
        <source>A PIN of consecutive digits (like 1234) is too easy to guess.</source>
        <translation>Um PIN com dígitos em sequência (como 1234) é fácil demais de adivinhar.</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>Os dois PINs não são iguais.</translation>
    </message>
    <message>
        <source>This computer has no secure password store running (no Secret Service or KWallet), so QR Cashier cannot save the access token; it will never save it in a plain file.</source>
        <translation>Este computador não tem nenhum cofre de senhas seguro em execução (nem Secret Service nem KWallet), então o QR Cashier não consegue salvar o token de acesso; ele nunca será salvo num arquivo de texto.</translation>
    </message>
    <message>
        <source>Start the system&apos;s password store (on Linux: GNOME Keyring, KWallet or KeePassXC with its Secret Service turned on, inside a logged-in desktop session), then press Check again.</source>
        <translation>Inicie o cofre de senhas do sistema (no Linux: GNOME Keyring, KWallet ou KeePassXC com o Secret Service ativado, dentro de uma sessão de desktop iniciada) e clique em Verificar de novo.</translation>
    </message>
    <message>
        <source>Keep the token for this session only: it stays in memory and is asked for again at the next start.</source>
        <translation>Manter o token só nesta sessão: ele fica na memória e é pedido de novo na próxima inicialização.</translation>
    </message>
    <message>
        <source>Or try QR Cashier with the sandbox, which needs no token.</source>
        <translation>Ou experimente o QR Cashier com o sandbox, que não precisa de token.</translation>
    </message>
    <message>
        <source>That is too long to be a Mercado Pago access token: copy only the token.</source>
        <translation>Isso é longo demais para ser um token de acesso do Mercado Pago: copie só o token.</translation>
    </message>
    <message>
        <source>There is no secure place to save the access token.</source>
        <translation>Não há nenhum lugar seguro para salvar o token de acesso.</translation>
    </message>
    <message>
        <source>An access token is a single word with no spaces.</source>
        <translation>Um token de acesso é uma única palavra sem espaços.</translation>
    </message>
    <message>
        <source>No supervisor PIN is set: set one in Settings first.</source>
        <translation>Nenhum PIN de supervisor está definido: defina um primeiro em Configurações.</translation>
    </message>
    <message>
        <source>PIN accepted.</source>
        <translation>PIN aceito.</translation>
    </message>
    <message>
        <source>Wrong PIN: 1 more try before a pause.</source>
        <translation>PIN errado: resta 1 tentativa antes de uma pausa.</translation>
    </message>
    <message>
        <source>Mercado Pago rejected the request: %1.</source>
        <translation>O Mercado Pago recusou a solicitação: %1.</translation>
    </message>
    <message>
        <source>This cart is in %1; this register charges in %2.</source>
        <translation>Este carrinho está em %1; este caixa cobra em %2.</translation>
    </message>
    <message>
        <source>Mercado Pago shows a payment for %1, which is already %2: a supervisor should refund it or settle the sale.</source>
        <translation>O Mercado Pago mostra um pagamento para %1, que já está com status %2: um supervisor deve reembolsá-lo ou resolver a venda.</translation>
    </message>
    <message>
        <source>The customer paid just after the order was %1: the sale is paid and the receipt is printing.</source>
        <translation>O cliente pagou logo depois de o pedido ficar com status %1: a venda está paga e o comprovante está sendo impresso.</translation>
    </message>
    <message>
        <source>Sale %1: %2.</source>
        <translation>Venda %1: %2.</translation>
    </message>
    <message>
        <source>Mercado Pago approved %1 more than the total</source>
        <translation>O Mercado Pago aprovou %1 a mais que o total</translation>
    </message>
    <message>
        <source>Sale %1 was already paid, and the customer paid again (payment %2): a supervisor should refund the extra payment.</source>
        <translation>A venda %1 já estava paga e o cliente pagou de novo (pagamento %2): um supervisor deve reembolsar o pagamento extra.</translation>
    </message>
    <message>
        <source>Could not remove the order from the QR: %1</source>
        <translation>Não foi possível retirar o pedido do QR: %1</translation>
    </message>
    <message>
        <source>Checking again in %1 s.</source>
        <translation>Verificando de novo em %1 s.</translation>
    </message>
    <message>
        <source>The final read after expiry failed: %1</source>
        <translation>A última consulta depois da expiração falhou: %1</translation>
    </message>
    <message>
        <source>Payment %1 is already refunded in full.</source>
        <translation>O pagamento %1 já foi reembolsado integralmente.</translation>
    </message>
    <message>
        <source>Mercado Pago refused the refund: %1</source>
        <translation>O Mercado Pago recusou o reembolso: %1</translation>
    </message>
    <message>
        <source>Refunded %1.</source>
        <translation>Reembolso de %1 feito.</translation>
    </message>
    <message>
        <source>Mercado Pago is processing the refund of %1.</source>
        <translation>O Mercado Pago está processando o reembolso de %1.</translation>
    </message>
    <message>
        <source>This attempt is %1, not awaiting review.</source>
        <translation>Esta tentativa está com status %1, não aguardando revisão.</translation>
    </message>
    <message>
        <source>%1 was received for it: refund it from the payments list.</source>
        <translation>Foram recebidos %1 por ela: reembolse pela lista de pagamentos.</translation>
    </message>
    <message>
        <source>Only %1 of %2 was paid: a supervisor must review this sale.</source>
        <translation>Só %1 de %2 foi pago: um supervisor precisa revisar esta venda.</translation>
    </message>
    <message>
        <source>Mercado Pago&apos;s order %1 belongs to another sale: a supervisor must review it.</source>
        <translation>O pedido %1 do Mercado Pago pertence a outra venda: um supervisor precisa revisá-lo.</translation>
    </message>
    <message>
        <source>There is no sale %1 in the journal.</source>
        <translation>Não há nenhuma venda %1 no registro.</translation>
    </message>
    <message>
        <source>There is no payment attempt %1 in the journal.</source>
        <translation>Não há nenhuma tentativa de pagamento %1 no registro.</translation>
    </message>
    <message>
        <source>This sale is %1 and cannot be charged again.</source>
        <translation>Esta venda está com status %1 e não pode ser cobrada de novo.</translation>
    </message>
    <message>
        <source>This sale is %1: it cannot be discarded.</source>
        <translation>Esta venda está com status %1: não pode ser descartada.</translation>
    </message>
    <message>
        <source>Cannot refund %1: only %2 of payment %3 is paid and not yet refunded.</source>
        <translation>Não é possível reembolsar %1: do pagamento %3 só restam %2 pagos e ainda não reembolsados.</translation>
    </message>
    <message>
        <source>Payment %1 is not recorded for any sale of this register.</source>
        <translation>O pagamento %1 não está registrado em nenhuma venda deste caixa.</translation>
    </message>
    <message>
        <source>The journal was written by a newer QR Cashier (schema %1, this one knows %2): update the app; the file was left untouched.</source>
        <translation>O registro foi gravado por um QR Cashier mais novo (esquema %1; este conhece até o %2): atualize o aplicativo; o arquivo não foi alterado.</translation>
    </message>
    <message>
        <source>The quantity is above the limit of %1.</source>
        <translation>A quantidade passa do limite de %1.</translation>
    </message>
    <message>
        <source>The total is above the limit of %1.</source>
        <translation>O total passa do limite de %1.</translation>
    </message>
    <message>
        <source>The total would be above the limit of %1.</source>
        <translation>O total passaria do limite de %1.</translation>
    </message>
    <message>
        <source>The amount is above the limit of %1.</source>
        <translation>O valor passa do limite de %1.</translation>
    </message>
    <message>
        <source>The cart is full (%1 lines).</source>
        <translation>O carrinho está cheio (%1 linhas).</translation>
    </message>
    <message>
        <source>%1 is not a number.</source>
        <translation>%1 não é um número.</translation>
    </message>
    <message>
        <source>%1 is ambiguous: use one decimal separator.</source>
        <translation>%1 é ambíguo: use um único separador decimal.</translation>
    </message>
    <message>
        <source>%1 amounts are whole numbers.</source>
        <translation>Os valores em %1 são números inteiros.</translation>
    </message>
    <message>
        <source>%1 amounts have at most %2 decimals.</source>
        <translation>Os valores em %1 têm no máximo %2 casas decimais.</translation>
    </message>
    <message>
        <source>The PIN has %1 to %2 digits.</source>
        <translation>O PIN tem de %1 a %2 dígitos.</translation>
    </message>
    <message>
        <source>The access token could not be read from %1: unlock it and try again.</source>
        <translation>Não foi possível ler o token de acesso em %1: desbloqueie-o e tente de novo.</translation>
    </message>
    <message>
        <source>The access token could not be saved in %1: unlock it and try again.</source>
        <translation>Não foi possível salvar o token de acesso em %1: desbloqueie-o e tente de novo.</translation>
    </message>
    <message>
        <source>The access token could not be removed from %1: unlock it and try again.</source>
        <translation>Não foi possível remover o token de acesso de %1: desbloqueie-o e tente de novo.</translation>
    </message>
    <message>
        <source>The system&apos;s password store (%1) cannot be used, so QR Cashier cannot save the access token; it will never save it in a plain file.</source>
        <translation>Não é possível usar o cofre de senhas do sistema (%1), então o QR Cashier não consegue salvar o token de acesso; ele nunca será salvo num arquivo de texto.</translation>
    </message>
    <message>
        <source>Give the token to QR Cashier through the %1 environment variable (for example from the service manager that starts it); QR Cashier reads it and never writes it anywhere.</source>
        <translation>Passe o token ao QR Cashier pela variável de ambiente %1 (por exemplo pelo gerenciador de serviços que o inicia); o QR Cashier a lê e nunca a grava em lugar nenhum.</translation>
    </message>
    <message>
        <source>The store id %1 is not valid: use 1 to 60 letters and digits, no spaces.</source>
        <translation>O ID da loja %1 não é válido: use de 1 a 60 letras e números, sem espaços.</translation>
    </message>
    <message>
        <source>The register (POS) id %1 is not valid: use 1 to 39 letters and digits, no spaces or hyphens.</source>
        <translation>O ID do caixa (POS) %1 não é válido: use de 1 a 39 letras e números, sem espaços nem hífens.</translation>
    </message>
    <message>
        <source>The register %1 already belongs to another store (%2); choose another register id or store.</source>
        <translation>O caixa %1 já pertence a outra loja (%2); escolha outro ID de caixa ou outra loja.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: try again in %1 seconds.</source>
        <translation>PINs errados demais: tente de novo em %1 segundos.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: try again in %1 minutes.</source>
        <translation>PINs errados demais: tente de novo em %1 minutos.</translation>
    </message>
    <message>
        <source>Wrong PIN. Too many wrong PINs: wait %1 seconds.</source>
        <translation>PIN errado. PINs errados demais: aguarde %1 segundos.</translation>
    </message>
    <message>
        <source>Wrong PIN. Too many wrong PINs: wait %1 minutes.</source>
        <translation>PIN errado. PINs errados demais: aguarde %1 minutos.</translation>
    </message>
    <message>
        <source>Wrong PIN: %1 more tries before a pause.</source>
        <translation>PIN errado: restam %1 tentativas antes de uma pausa.</translation>
    </message>
    <message>
        <source>%1 rows read: %2 added, %3 updated, %4 rejected.</source>
        <translation>%1 linhas lidas: %2 adicionadas, %3 atualizadas, %4 recusadas.</translation>
    </message>
    <message>
        <source>Nothing imported: %1</source>
        <translation>Nada foi importado: %1</translation>
    </message>
    <message>
        <source>%1 of this sale is paid; %2 is left to pay: charge the rest.</source>
        <translation>%1 desta venda está pago; faltam %2: cobre o restante.</translation>
    </message>
    <message>
        <source>A part of %1 must be more than zero and less than the %2 left to pay.</source>
        <translation>Uma parte de %1 deve ser maior que zero e menor que os %2 que faltam pagar.</translation>
    </message>
    <message>
        <source>Part of this sale is paid (%1): charge the rest, or refund that part before discarding the sale.</source>
        <translation>Parte desta venda está paga (%1): cobre o restante, ou estorne essa parte antes de descartar a venda.</translation>
    </message>
    <message>
        <source>Part of sale %1 is paid and the rest is not: charge the rest, or refund that part and discard the sale, before closing the shift.</source>
        <translation>Parte da venda %1 está paga e o restante não: cobre o restante, ou estorne essa parte e descarte a venda, antes de fechar o turno.</translation>
    </message>
    <message>
        <source>Paid by card.</source>
        <translation>Pago com cartão.</translation>
    </message>
    <message>
        <source>The customer is paying on the card terminal.</source>
        <translation>O cliente está pagando na maquininha.</translation>
    </message>
    <message>
        <source>Waiting for the card terminal to show the order.</source>
        <translation>Aguardando a maquininha mostrar a cobrança.</translation>
    </message>
    <message>
        <source>Checking whether the card order reached the terminal.</source>
        <translation>Verificando se a cobrança chegou à maquininha.</translation>
    </message>
    <message>
        <source>Cancelled on the card terminal; nothing was paid.</source>
        <translation>Cancelado na maquininha; nada foi pago.</translation>
    </message>
    <message>
        <source>The card order was cancelled; nothing was paid.</source>
        <translation>A cobrança no cartão foi cancelada; nada foi pago.</translation>
    </message>
    <message>
        <source>The card order expired on the terminal unpaid.</source>
        <translation>A cobrança no cartão expirou na maquininha sem pagamento.</translation>
    </message>
    <message>
        <source>The terminal&apos;s payment does not match the total: a supervisor must review it.</source>
        <translation>O pagamento da maquininha não confere com o total: um supervisor precisa revisá-lo.</translation>
    </message>
    <message>
        <source>The card terminal asks to check the payment there: a supervisor must look at the terminal and settle this sale.</source>
        <translation>A maquininha pede para verificar o pagamento nela: um supervisor precisa olhar a maquininha e resolver esta venda.</translation>
    </message>
    <message>
        <source>Mercado Pago already shows a refund on this card payment</source>
        <translation>O Mercado Pago já mostra um estorno neste pagamento com cartão</translation>
    </message>
    <message>
        <source>Mercado Pago already has a card order for this attempt that differs from the one sent.</source>
        <translation>O Mercado Pago já tem uma cobrança no cartão para esta tentativa diferente da enviada.</translation>
    </message>
    <message>
        <source>The card was declined (insufficient funds): charge again or take another tender.</source>
        <translation>O cartão foi recusado (saldo insuficiente): cobre de novo ou use outra forma de pagamento.</translation>
    </message>
    <message>
        <source>The card was declined (refused for risk): charge again or take another tender.</source>
        <translation>O cartão foi recusado (por risco): cobre de novo ou use outra forma de pagamento.</translation>
    </message>
    <message>
        <source>The card was declined (card disabled): charge again or take another tender.</source>
        <translation>O cartão foi recusado (cartão desabilitado): cobre de novo ou use outra forma de pagamento.</translation>
    </message>
    <message>
        <source>The card was declined (card data wrong): charge again or take another tender.</source>
        <translation>O cartão foi recusado (dados do cartão errados): cobre de novo ou use outra forma de pagamento.</translation>
    </message>
    <message>
        <source>The card was declined (the bank asks for a call to authorize): charge again or take another tender.</source>
        <translation>O cartão foi recusado (o banco pede uma ligação para autorizar): cobre de novo ou use outra forma de pagamento.</translation>
    </message>
    <message>
        <source>The card was declined (too many attempts): charge again or take another tender.</source>
        <translation>O cartão foi recusado (tentativas demais): cobre de novo ou use outra forma de pagamento.</translation>
    </message>
    <message>
        <source>The card was declined (amount over the card&apos;s limit): charge again or take another tender.</source>
        <translation>O cartão foi recusado (valor acima do limite do cartão): cobre de novo ou use outra forma de pagamento.</translation>
    </message>
    <message>
        <source>The card was declined (installments not allowed): charge again or take another tender.</source>
        <translation>O cartão foi recusado (parcelamento não permitido): cobre de novo ou use outra forma de pagamento.</translation>
    </message>
    <message>
        <source>The card was declined (processing error): charge again or take another tender.</source>
        <translation>O cartão foi recusado (erro de processamento): cobre de novo ou use outra forma de pagamento.</translation>
    </message>
    <message>
        <source>The card was declined (declined): charge again or take another tender.</source>
        <translation>O cartão foi recusado: cobre de novo ou use outra forma de pagamento.</translation>
    </message>
    <message>
        <source>The terminal is confirming the cancel; if the customer pays first, the sale is paid.</source>
        <translation>A maquininha está confirmando o cancelamento; se o cliente pagar antes, a venda fica paga.</translation>
    </message>
    <message>
        <source>The order is on the card terminal: cancel it on the terminal. If the customer pays first, the sale is paid.</source>
        <translation>A cobrança já está na maquininha: cancele-a na maquininha. Se o cliente pagar antes, a venda fica paga.</translation>
    </message>
    <message>
        <source>This register has no card terminal: choose one in Settings, or take another tender.</source>
        <translation>Este caixa não tem maquininha: escolha uma em Configurações ou use outra forma de pagamento.</translation>
    </message>
    <message>
        <source>The card terminal already has an order waiting: finish or cancel it on the terminal, then try again.</source>
        <translation>A maquininha já tem uma cobrança aguardando: conclua ou cancele-a na maquininha e tente de novo.</translation>
    </message>
    <message>
        <source>This card terminal is not linked to this Mercado Pago account: choose the register&apos;s terminal in Settings.</source>
        <translation>Esta maquininha não está vinculada a esta conta do Mercado Pago: escolha a maquininha do caixa em Configurações.</translation>
    </message>
    <message>
        <source>The card terminal is not in PDV (integrated) mode: switch it in Settings and restart the terminal.</source>
        <translation>A maquininha não está no modo PDV (integrado): mude em Configurações e reinicie a maquininha.</translation>
    </message>
    <message>
        <source>The card terminal has no store and POS in Mercado Pago: assign it to this register&apos;s POS.</source>
        <translation>A maquininha não tem loja nem caixa no Mercado Pago: associe-a ao caixa deste ponto de venda.</translation>
    </message>
    <message>
        <source>Mercado Pago does not know this card terminal (404): check the terminal in Settings.</source>
        <translation>O Mercado Pago não conhece esta maquininha (404): confira a maquininha em Configurações.</translation>
    </message>
    <message>
        <source>The order is already on the card terminal: cancel it on the terminal.</source>
        <translation>A cobrança já está na maquininha: cancele-a na maquininha.</translation>
    </message>
    <message>
        <source>The card order was already cancelled.</source>
        <translation>A cobrança no cartão já estava cancelada.</translation>
    </message>
    <message>
        <source>This POS already has a terminal in PDV mode: only one per POS is allowed.</source>
        <translation>Este caixa já tem uma maquininha no modo PDV: só uma por caixa é permitida.</translation>
    </message>
    <message>
        <source>Mercado Pago refused the card refund in the order&apos;s current state.</source>
        <translation>O Mercado Pago recusou o estorno no cartão no estado atual da cobrança.</translation>
    </message>
    <message>
        <source>Paid by card (other terminal).</source>
        <translation>Pago com cartão (outra maquininha).</translation>
    </message>
    <message>
        <source>The last four digits are four digits (0-9).</source>
        <translation>Os últimos quatro dígitos são quatro números (0-9).</translation>
    </message>
    <message>
        <source>The authorization code is 1 to 12 letters or digits.</source>
        <translation>O código de autorização tem de 1 a 12 letras ou números.</translation>
    </message>
    <message>
        <source>Installments are a whole number from 1 to 99.</source>
        <translation>As parcelas são um número inteiro de 1 a 99.</translation>
    </message>
    <message>
        <source>Nothing is due by card.</source>
        <translation>Não há nada a cobrar no cartão.</translation>
    </message>
    <message>
        <source>No code.</source>
        <translation>Sem código.</translation>
    </message>
    <message>
        <source>Code %1 must be 1-32 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;.</source>
        <translation>O código %1 deve ter de 1 a 32 letras, dígitos, &apos;-&apos;, &apos;_&apos; ou &apos;.&apos;.</translation>
    </message>
    <message>
        <source>No name.</source>
        <translation>Sem nome.</translation>
    </message>
    <message>
        <source>Name longer than %1 characters.</source>
        <translation>Nome com mais de %1 caracteres.</translation>
    </message>
    <message>
        <source>Price: %1.</source>
        <translation>Preço: %1.</translation>
    </message>
    <message>
        <source>Barcode %1 is not a valid EAN/UPC (length or check digit).</source>
        <translation>O código de barras %1 não é um EAN/UPC válido (tamanho ou dígito verificador).</translation>
    </message>
    <message>
        <source>Unknown unit %1 (use unit, kg, g, l or m).</source>
        <translation>Unidade desconhecida %1 (use unit, kg, g, l ou m).</translation>
    </message>
    <message>
        <source>VAT rate: %1.</source>
        <translation>Alíquota de imposto: %1.</translation>
    </message>
    <message>
        <source>Code %1 repeats line %2.</source>
        <translation>O código %1 repete a linha %2.</translation>
    </message>
    <message>
        <source>Barcode %1 repeats line %2.</source>
        <translation>O código de barras %1 repete a linha %2.</translation>
    </message>
    <message>
        <source>Unreadable row (%1).</source>
        <translation>Linha ilegível (%1).</translation>
    </message>
    <message>
        <source>The header has no %1 column (found: %2).</source>
        <translation>O cabeçalho não tem a coluna %1 (encontrado: %2).</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something unexpected went wrong. Sales already saved are safe; try again, and if it happens again restart QR Cashier and tell support.</source>
        <translation>Algo inesperado aconteceu. As vendas já salvas estão seguras; tente de novo e, se acontecer outra vez, reinicie o QR Cashier e avise o suporte.</translation>
    </message>
    <message>
        <source>The sales journal on this computer could not be written. Do not charge until this is fixed: check the free disk space, then restart QR Cashier.</source>
        <translation>Não foi possível gravar o registro de vendas neste computador. Não cobre até que isso seja resolvido: verifique o espaço livre em disco e reinicie o QR Cashier.</translation>
    </message>
    <message>
        <source>A file could not be read or written (%1); check the path and try again.</source>
        <translation>Não foi possível ler ou gravar um arquivo (%1); verifique o caminho e tente de novo.</translation>
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
        <translation>Mercado Pago › Suas integrações › sua aplicação › Credenciais de produção › Access Token</translation>
    </message>
    <message>
        <source>Mercado Pago refused this access token (401): it is wrong, revoked or expired, so copy it again from Your integrations › Credentials.</source>
        <translation>O Mercado Pago recusou este token de acesso (401): ele está errado, foi revogado ou expirou; copie-o de novo em Suas integrações › Credenciais.</translation>
    </message>
    <message>
        <source>The token works but this account may not use in-store QR payments (403): enable QR payments for the account, or use the token of the account that owns the store.</source>
        <translation>O token funciona, mas esta conta não pode usar pagamentos com QR presencial (403): habilite os pagamentos com QR na conta ou use o token da conta dona da loja.</translation>
    </message>
    <message>
        <source>Mercado Pago does not recognise what was asked with this token (404): check that you copied the access token, not the public key or the client id.</source>
        <translation>O Mercado Pago não reconhece o que foi pedido com este token (404): verifique se você copiou o token de acesso e não a chave pública nem o client id.</translation>
    </message>
    <message>
        <source>Mercado Pago could not be reached: check this computer&apos;s internet connection (and any proxy or firewall), then press Check again.</source>
        <translation>Não foi possível acessar o Mercado Pago: verifique a conexão com a internet deste computador (e qualquer proxy ou firewall) e clique em Verificar de novo.</translation>
    </message>
    <message>
        <source>Mercado Pago did not answer in time: check the internet connection, then press Check again.</source>
        <translation>O Mercado Pago não respondeu a tempo: verifique a conexão com a internet e clique em Verificar de novo.</translation>
    </message>
    <message>
        <source>That is a public key, not an access token: copy the Access token from Your integrations › Credentials.</source>
        <translation>Isso é uma chave pública, não um token de acesso: copie o Access Token em Suas integrações › Credenciais.</translation>
    </message>
    <message>
        <source>An access token is one word with no spaces: paste it again.</source>
        <translation>Um token de acesso é uma única palavra sem espaços: cole-o de novo.</translation>
    </message>
    <message>
        <source>This is a TEST account token: payments are simulated, so use it to try QR Cashier, not for real sales.</source>
        <translation>Este é um token de uma conta de TESTE: os pagamentos são simulados, então use-o para experimentar o QR Cashier, não para vendas reais.</translation>
    </message>
    <message>
        <source>Type the public URL Mercado Pago will call for this register: the https address of your reverse proxy.</source>
        <translation>Digite a URL pública que o Mercado Pago vai chamar para este caixa: o endereço https do seu proxy reverso.</translation>
    </message>
    <message>
        <source>The public URL is not a web address Mercado Pago can call: type it whole, like https://pay.example.com/mp/unattended, with no spaces.</source>
        <translation>A URL pública não é um endereço web que o Mercado Pago consiga chamar: digite-a completa, como https://pay.example.com/mp/unattended, sem espaços.</translation>
    </message>
    <message>
        <source>Mercado Pago calls self-service registers over the internet, so the public URL must be an https:// address.</source>
        <translation>O Mercado Pago chama os caixas de autoatendimento pela internet, então a URL pública precisa ser um endereço https://.</translation>
    </message>
    <message>
        <source>With this public URL the register&apos;s URL would be longer than the 299 characters Mercado Pago allows: use a shorter one.</source>
        <translation>Com esta URL pública, a URL do caixa passaria dos 299 caracteres que o Mercado Pago permite: use uma mais curta.</translation>
    </message>
    <message>
        <source>Mercado Pago refused to give the register this URL (403): its domain is not enabled for self-service on this account, so ask your Mercado Pago contact to enable it.</source>
        <translation>O Mercado Pago recusou atribuir esta URL ao caixa (403): o domínio dela não está habilitado para autoatendimento nesta conta, então peça ao seu contato no Mercado Pago que o habilite.</translation>
    </message>
    <message>
        <source>Mercado Pago did not accept this URL for the register (400): check the public URL, then press Check and create again.</source>
        <translation>O Mercado Pago não aceitou esta URL para o caixa (400): verifique a URL pública e clique em Verificar e criar de novo.</translation>
    </message>
    <message>
        <source>Mercado Pago could not be reached to set up the self-service register: check this computer&apos;s internet connection, then press Check and create again.</source>
        <translation>Não foi possível acessar o Mercado Pago para configurar o caixa de autoatendimento: verifique a conexão com a internet deste computador e clique em Verificar e criar de novo.</translation>
    </message>
    <message>
        <source>Mercado Pago did not answer in time while setting up the self-service register: check the internet connection, then press Check and create again.</source>
        <translation>O Mercado Pago não respondeu a tempo ao configurar o caixa de autoatendimento: verifique a conexão com a internet e clique em Verificar e criar de novo.</translation>
    </message>
    <message>
        <source>A self-service register uses In-store orders v2 with the register&apos;s printed QR: choose them under Advanced.</source>
        <translation>Um caixa de autoatendimento usa Pedidos presenciais v2 com o QR impresso do caixa: escolha-os em Avançado.</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>usuário %1</translation>
    </message>
    <message>
        <source>Connected to %1 (user %2, site %3).</source>
        <translation>Conectado a %1 (usuário %2, site %3).</translation>
    </message>
    <message>
        <source>There is no access token yet: paste one on the Mercado Pago account page.</source>
        <translation>Ainda não há um token de acesso: cole um na página da conta do Mercado Pago.</translation>
    </message>
    <message>
        <source>There is no secure place for the token.</source>
        <translation>Não há nenhum lugar seguro para o token.</translation>
    </message>
    <message>
        <source>kept in memory for this session only</source>
        <translation>mantido na memória só nesta sessão</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>não definido</translation>
    </message>
    <message>
        <source>saved in %1</source>
        <translation>salvo em %1</translation>
    </message>
    <message>
        <source>read from the %1 environment variable</source>
        <translation>lido da variável de ambiente %1</translation>
    </message>
    <message>
        <source>in %1, which is locked</source>
        <translation>em %1, que está bloqueado</translation>
    </message>
    <message>
        <source>open Settings</source>
        <translation>abrir as Configurações</translation>
    </message>
</context>
</TS>
