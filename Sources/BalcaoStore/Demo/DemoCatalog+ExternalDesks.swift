// Demo tickets for the external desks (customer support, business operations,
// suppliers & partners). Customer support lives in this file; operations and
// partners in DemoCatalog+ExternalDesks2.swift.

extension DemoCatalog {
    /// All external-desk tickets (support, operations, partners).
    static let externalTickets: [DemoTicketSeed] = externalTicketsSupport + externalTicketsOperationsAndPartners

    /// Customer support tickets for the eCommerce shop.
    static let externalTicketsSupport: [DemoTicketSeed] = [
        DemoTicketSeed(
            department: .support, language: "pt-BR",
            subject: "Pedido #BR-48213 sem atualização no rastreio",
            body: "Comprei uma air fryer no dia 8 (pedido #BR-48213) e o rastreio QB482130915BR está parado em “objeto postado” há 5 dias. Quando vai chegar?",
            type: "question", priority: "normal", category: "delivery", tags: ["tracking", "delay", "correios"],
            agentReply: "Olá! Verificamos com a transportadora e o seu pedido está no centro de distribuição de Curitiba, aguardando a próxima rota. A previsão de entrega é até sexta-feira, e o rastreio deve ser atualizado nas próximas 24 horas.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "pt-BR",
            subject: "Pedido consta como entregue, mas não recebi",
            body: "O rastreio do pedido #BR-51877 diz que foi entregue ontem às 14h32 e assinado por “Marcos”, mas não tem nenhum Marcos aqui em casa e eu não recebi nada. Paguei R$ 1.249,00 em um celular e quero uma solução.",
            type: "complaint", priority: "high", category: "delivery", tags: ["not-received", "delivery-dispute"],
            agentReply: "Sentimos muito por isso. Abrimos uma contestação de entrega com a transportadora (protocolo 88412930), que tem até 5 dias úteis para apurar. Se o pedido não for localizado, enviamos um novo aparelho ou fazemos o reembolso integral, como você preferir.",
            requesterFollowUp: "Prefiro o reembolso se não acharem. Por favor, me mantenham informada.",
            internalNote: "Mesmo entregador com 3 contestações neste mês na região de Campinas. Reportar à transportadora."
        ),
        DemoTicketSeed(
            department: .support, language: "pt-BR",
            subject: "Dá para parcelar no boleto?",
            body: "Quero comprar o aspirador robô de R$ 1.899,00, mas não tenho cartão de crédito. Vocês parcelam no boleto ou no PIX?",
            type: "question", priority: "low", category: "payment", tags: ["installments", "pix", "boleto"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "pt-BR",
            subject: "Liquidificador chegou com a jarra trincada",
            body: "Recebi hoje o liquidificador do pedido #BR-49920 e a jarra veio trincada na base. Tirei fotos da caixa e da jarra. Quero a troca.",
            type: "incident", priority: "normal", category: "defective-product", tags: ["damaged", "exchange", "reverse-logistics"],
            agentReply: "Lamentamos! Já geramos a autorização de troca e enviamos para o seu e-mail um código de postagem reversa para levar o produto a qualquer agência dos Correios, sem custo. Assim que o produto for postado, despachamos o liquidificador novo.",
            requesterFollowUp: "Postei hoje de manhã. Código da postagem: 7712045338.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "pt-BR",
            subject: "Não consigo entrar na minha conta: o código não chega",
            body: "Quando tento entrar, o site pede um código de verificação por SMS, mas ele nunca chega. Troquei de número de celular no ano passado e acho que o cadastro ainda está com o antigo.",
            type: "problem", priority: "high", category: "account-access", tags: ["login", "2fa", "sms"],
            agentReply: "Por segurança, não conseguimos alterar o celular apenas por mensagem. Enviamos um link de verificação para o e-mail cadastrado; depois de confirmá-lo, você poderá atualizar o número em Minha Conta > Segurança.",
            requesterFollowUp: "Também não tenho mais acesso a esse e-mail. E agora?",
            internalNote: "Sem acesso ao e-mail, seguir a validação por selfie com documento (KB-214). Não alterar dados cadastrais sem validação."
        ),
        DemoTicketSeed(
            department: .support, language: "pt-BR",
            subject: "Alterar o endereço de entrega do pedido #BR-52004",
            body: "Fiz o pedido #BR-52004 hoje de manhã e percebi que deixei o endereço antigo. O correto é Rua das Acácias, 215, apto 32, Vila Mariana, São Paulo. Ainda dá para alterar?",
            type: "task", priority: "normal", category: "order-change", tags: ["address-change", "order"],
            agentReply: "Conseguimos! Como o pedido ainda não tinha sido faturado, atualizamos o endereço de entrega. Você vai receber um e-mail de confirmação com o novo endereço.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "pt-BR",
            subject: "Estorno não apareceu na fatura do cartão",
            body: "Devolvi o smartwatch do pedido #BR-47105 há 25 dias e vocês confirmaram o cancelamento, mas o estorno de R$ 699,90 ainda não apareceu na fatura. Já liguei duas vezes.",
            type: "complaint", priority: "normal", category: "refund", tags: ["refund", "chargeback", "credit-card"],
            agentReply: "Pedimos desculpas pela demora. O estorno foi solicitado à operadora do cartão no dia 12 e, dependendo da data de fechamento, pode aparecer em até duas faturas. Enviamos para o seu e-mail o comprovante do estorno com o código ARN, que você pode apresentar ao seu banco.",
            requesterFollowUp: "Recebi o comprovante. Vou esperar a próxima fatura.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "pt-BR",
            subject: "Garantia do fone de ouvido Bluetooth",
            body: "Meu fone Acme Sound 300, comprado com vocês há 8 meses, parou de carregar o lado esquerdo. Ainda está na garantia? Como faço?",
            type: "question", priority: "normal", category: "warranty", tags: ["warranty", "headphones"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "pt-BR",
            subject: "Cobrança em duplicidade no cartão",
            body: "Fiz uma compra de R$ 3.450,00 (pedido #BR-50311) e o valor foi cobrado duas vezes no meu cartão. Isso estourou meu limite e não consigo nem pagar a farmácia. Por favor, resolvam com urgência.",
            type: "incident", priority: "urgent", category: "payment", tags: ["double-charge", "credit-card", "payment-gateway"],
            agentReply: "Sentimos muito pelo transtorno. Houve duas autorizações por uma falha no gateway de pagamento; a segunda já foi cancelada e o limite deve ser liberado pela operadora do cartão em até 48 horas. Enviamos a carta de cancelamento para o seu e-mail, caso precise apresentá-la ao banco.",
            requesterFollowUp: nil,
            internalNote: "Incidente no gateway entre 10h05 e 10h40: 37 pedidos com dupla autorização. Lista enviada ao financeiro para conferência."
        ),
        DemoTicketSeed(
            department: .support, language: "pt-BR",
            subject: "A air fryer Acme Crisp é bivolt?",
            body: "A air fryer Acme Crisp 5,5 L é bivolt? Moro em Recife e aqui a tensão é 220 V.",
            type: "question", priority: "low", category: "product-info", tags: ["voltage", "air-fryer"],
            agentReply: "Olá! A Acme Crisp 5,5 L não é bivolt: ela é vendida em versões separadas de 127 V e 220 V. Na página do produto, escolha a opção 220 V antes de adicionar ao carrinho.",
            requesterFollowUp: "Ah, não tinha visto a opção. Obrigado!",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "pt-BR",
            subject: "Fiquei 40 minutos esperando no chat",
            body: "Entrei no chat para perguntar sobre a troca de um produto, esperei 40 minutos e a conversa foi encerrada sem ninguém me atender. Muito frustrante.",
            type: "complaint", priority: "normal", category: "service-quality", tags: ["chat", "wait-time"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: "Pico de atendimento na segunda-feira depois da campanha de e-mail. Avaliar reforço no chat às segundas de manhã."
        ),
        DemoTicketSeed(
            department: .support, language: "pt-BR",
            subject: "Preciso da nota fiscal no CNPJ da empresa",
            body: "Comprei uma cafeteira no meu CPF, mas preciso da nota fiscal no CNPJ da minha empresa para conseguir o reembolso. Pedido #BR-49388. É possível reemitir?",
            type: "task", priority: "low", category: "invoice", tags: ["invoice", "cnpj"],
            agentReply: "Infelizmente, depois de emitida, a nota fiscal não pode ter o destinatário alterado. Nos próximos pedidos, basta selecionar “Compra para empresa” no checkout e informar o CNPJ.",
            requesterFollowUp: "Que pena. Fica a dica para a próxima.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "pt-BR",
            subject: "Cupom de desconto não é aceito no carrinho",
            body: "Recebi o cupom VOLTA15 por e-mail, mas no carrinho aparece “cupom inválido”. O e-mail diz que ele vale até domingo.",
            type: "problem", priority: "normal", category: "promotion", tags: ["coupon", "checkout"],
            agentReply: "Verificamos que o cupom VOLTA15 vale apenas para a categoria Casa, e o item do seu carrinho é da categoria Eletrônicos. Como o e-mail não deixava isso claro, geramos um cupom de 15% válido para qualquer categoria: VOLTA15-K8Z2.",
            requesterFollowUp: nil,
            internalNote: "O marketing confirmou que o e-mail não informava a restrição de categoria. Outros clientes devem reclamar; usar a mesma solução."
        ),
        DemoTicketSeed(
            department: .support, language: "pt-BR",
            subject: "Recebi um produto diferente do que comprei",
            body: "Pedi uma panela elétrica de arroz e recebi um ventilador de coluna. Pedido #BR-51240. Preciso da panela até sábado porque é presente de aniversário.",
            type: "incident", priority: "high", category: "wrong-item", tags: ["wrong-item", "exchange"],
            agentReply: "Pedimos desculpas pela troca. Enviamos hoje a panela elétrica por entrega expressa, com previsão para sexta-feira, e agendamos a coleta do ventilador para a próxima semana, sem custo.",
            requesterFollowUp: "Chegou na sexta, tudo certo. Obrigada!",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "pt-PT",
            subject: "Envios para Portugal e prazos de entrega",
            body: "Boa tarde. Fazem envios para Portugal continental? Queria encomendar uma máquina de café e saber quanto tempo demora e se há taxas alfandegárias.",
            type: "question", priority: "normal", category: "delivery", tags: ["shipping", "portugal"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "pt-PT",
            subject: "Devolução recusada sem motivo",
            body: "Devolvi um aspirador dentro dos 14 dias e a devolução foi recusada porque “o produto foi utilizado”. Só o tirei da caixa para o experimentar. Quero o reembolso dos 189,90 €, como prevê a lei.",
            type: "complaint", priority: "high", category: "refund", tags: ["return", "refund", "portugal"],
            agentReply: "Lamentamos o incómodo. Revimos o processo e as fotografias da receção no armazém: o depósito do aspirador tinha pó, o que indica utilização. Ainda assim, a título excecional, aceitamos a devolução com reembolso integral, processado em até 5 dias úteis.",
            requesterFollowUp: "Obrigado por reverem a decisão.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "en",
            subject: "Do you ship to the UK?",
            body: "I'd like to order two pairs of the Acme Sound 300 headphones. Do you ship to London, and will I have to pay import VAT on delivery?",
            type: "question", priority: "normal", category: "delivery", tags: ["shipping", "uk", "vat"],
            agentReply: "Yes, we ship to the UK in 5 to 8 business days. For orders under £135, UK VAT is collected at checkout, so there's nothing extra to pay on delivery.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "en",
            subject: "Smartwatch won't turn on after the first charge",
            body: "My Acme Pulse smartwatch (order #BR-50977) charged fine the first night, but now it won't turn on at all, even on the charger. I've tried holding the button for 15 seconds as the manual says.",
            type: "incident", priority: "high", category: "defective-product", tags: ["smartwatch", "dead-on-arrival", "replacement"],
            agentReply: "Sorry to hear that! It sounds like a hardware fault. We've emailed you a prepaid return label, and as soon as the courier scans the parcel we'll ship a replacement instead of waiting for the watch to reach us.",
            requesterFollowUp: "Thanks, I dropped it off at the post office today.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "en",
            subject: "Password reset email never arrives",
            body: "I've requested a password reset five times today and nothing arrives, not even in my spam folder. My email address is on Outlook.com.",
            type: "problem", priority: "normal", category: "account-access", tags: ["password-reset", "email-deliverability"],
            agentReply: "We found that Outlook.com was temporarily rejecting messages from our email provider. We've resent the link through a different route; it's valid for one hour. Let us know if it still doesn't show up.",
            requesterFollowUp: nil,
            internalNote: "Microsoft SNDS shows our sending IP 203.0.113.25 on their block list since yesterday. Delisting request submitted."
        ),
        DemoTicketSeed(
            department: .support, language: "en",
            subject: "Parcel left outside in the rain",
            body: "My order #BR-51562 was left outside my front door in the rain instead of with my neighbour, as I'd asked in the delivery notes. The box was soaked and the blender's manual is ruined.",
            type: "complaint", priority: "normal", category: "delivery", tags: ["courier", "delivery-instructions"],
            agentReply: "We're really sorry. We've passed your feedback on to the courier and we'll post you a new copy of the manual. As an apology, there's a 15% discount voucher for your next order in your account.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "en",
            subject: "How do I delete my account?",
            body: "I'd like to close my account and have my personal data deleted. How do I do that?",
            type: "question", priority: "low", category: "privacy", tags: ["data-deletion", "gdpr", "lgpd"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: "Data deletion request: forward to the DPO queue within 48 hours."
        ),
        DemoTicketSeed(
            department: .support, language: "en",
            subject: "Please cancel order #BR-52218",
            body: "I ordered the kettle in the wrong colour (black instead of white). Please cancel order #BR-52218 so I can place a new one.",
            type: "task", priority: "normal", category: "cancellation", tags: ["cancellation", "order"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "en",
            subject: "Third delivery date for the same order",
            body: "This is the third delivery date you've given me for order #BR-50642. I've taken a day off work twice to wait for it. If it doesn't arrive this week, I want a full refund.",
            type: "complaint", priority: "high", category: "delivery", tags: ["delay", "rescheduled", "escalation"],
            agentReply: "We completely understand your frustration, and we're sorry. The order was held at the carrier's depot because of an address validation error on our side. It's now booked for a guaranteed slot tomorrow between 9 am and 1 pm, and we've refunded the shipping fee.",
            requesterFollowUp: "OK, I'll be home tomorrow morning. Let's see.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .support, language: "en",
            subject: "VAT invoice for order #BR-49751",
            body: "Could you send me a VAT invoice for order #BR-49751? It needs to show our company name, Harbor & Pine Outfitters, and our business address.",
            type: "task", priority: "low", category: "invoice", tags: ["invoice", "vat"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
    ]
}
