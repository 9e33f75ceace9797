// Demo tickets for the business operations and suppliers & partners desks.
// Combined with customer support in `DemoCatalog.externalTickets` (DemoCatalog+ExternalDesks.swift).

extension DemoCatalog {
    /// Business operations (B2B customers) and suppliers & partners tickets.
    static let externalTicketsOperationsAndPartners: [DemoTicketSeed] = [
        // MARK: Business operations
        DemoTicketSeed(
            department: .operations, language: "pt-BR",
            subject: "Segunda via do boleto da NF 105.482",
            body: "Precisamos da segunda via do boleto referente à nota fiscal 105.482, com vencimento no dia 15. O original foi enviado para o e-mail de um colaborador que saiu da empresa.",
            type: "question", priority: "normal", category: "invoice", tags: ["boleto", "billing-contact"],
            agentReply: "Segue em anexo a segunda via do boleto da NF 105.482, com o mesmo vencimento. Se quiserem, podemos cadastrar um novo e-mail de cobrança para que isso não se repita.",
            requesterFollowUp: "Sim, por favor. Usem o e-mail do nosso setor de contas a pagar, que está na assinatura desta mensagem.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .operations, language: "pt-BR",
            subject: "Cotação de 350 fones para premiação da equipe de vendas",
            body: "Vamos premiar nossa equipe de vendas e precisamos de 350 fones Acme Sound 300 entregues em Belo Horizonte até o dia 28. Qual é o melhor preço para esse volume e qual o prazo?",
            type: "task", priority: "high", category: "bulk-order", tags: ["bulk-order", "quote"],
            agentReply: "Obrigado pelo interesse! Para 350 unidades conseguimos 18% de desconto sobre o preço de tabela, o que dá R$ 245,00 por unidade, com frete incluso para Belo Horizonte. Temos estoque e a entrega leva 4 dias úteis após a confirmação. A proposta formal segue por e-mail.",
            requesterFollowUp: "Proposta aprovada. Enviamos o pedido de compra ainda hoje.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .operations, language: "pt-BR",
            subject: "Renovação do contrato de fornecimento",
            body: "Nosso contrato anual de fornecimento vence em 30 de junho. Quais são as condições para a renovação? Há reajuste previsto?",
            type: "question", priority: "low", category: "contract", tags: ["contract-renewal"],
            agentReply: "O contrato prevê renovação automática por mais 12 meses, com reajuste pelo IPCA acumulado. Se quiserem renegociar volumes ou prazos de pagamento, o ideal é fazermos uma reunião até 31 de maio.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .operations, language: "pt-BR",
            subject: "Entrega parcial do pedido de compra 7781",
            body: "Recebemos hoje apenas 60 das 120 caixas de papel A4 do nosso pedido de compra 7781, mas a nota fiscal veio com as 120. Como fica?",
            type: "incident", priority: "high", category: "delivery", tags: ["partial-delivery", "b2b"],
            agentReply: "A carga foi dividida em dois veículos e o segundo atrasou por um problema mecânico. As 60 caixas restantes chegam amanhã até as 12h. Não é preciso recusar a nota.",
            requesterFollowUp: "Chegaram hoje às 11h. Tudo certo.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .operations, language: "pt-BR",
            subject: "Faturas com preço diferente do contrato",
            body: "As duas últimas faturas vieram com preço unitário de R$ 42,90 para a caixa de luvas, mas o contrato assinado em janeiro fixa R$ 38,50. A diferença já soma R$ 2.640,00. Exigimos a correção.",
            type: "complaint", priority: "high", category: "invoice", tags: ["pricing", "contract", "credit-note"],
            agentReply: "Pedimos desculpas. O reajuste de tabela foi aplicado indevidamente ao seu contrato, que tem preço fixo até dezembro. Vamos emitir uma nota de crédito de R$ 2.640,00 e corrigir o cadastro para os próximos faturamentos.",
            requesterFollowUp: nil,
            internalNote: "Verificar se outros clientes com preço fixo em contrato receberam o reajuste de 11,4%. Devem ser uns 8 contratos."
        ),
        DemoTicketSeed(
            department: .operations, language: "pt-BR",
            subject: "Cadastro para compras B2B com faturamento",
            body: "Somos uma rede de clínicas em Porto Alegre e queremos comprar pelo portal B2B com faturamento a prazo. Quais documentos vocês precisam para o cadastro?",
            type: "task", priority: "normal", category: "onboarding", tags: ["onboarding", "credit-analysis", "b2b-portal"],
            agentReply: "Sejam bem-vindos! Para o cadastro com faturamento precisamos do contrato social, do cartão CNPJ, da inscrição estadual (se houver) e de duas referências comerciais. A análise de crédito leva até 3 dias úteis.",
            requesterFollowUp: "Acabei de enviar os documentos por e-mail.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .operations, language: "pt-BR",
            subject: "Como adicionar usuários no portal B2B?",
            body: "Precisamos dar acesso ao portal para mais duas compradoras do nosso time. Consigo fazer isso sozinho ou precisa ser com vocês?",
            type: "question", priority: "normal", category: "b2b-portal", tags: ["b2b-portal", "users"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .operations, language: "pt-BR",
            subject: "XML da NF-e não vem junto com o DANFE",
            body: "Há um mês os e-mails com as notas fiscais chegam só com o PDF do DANFE, sem o arquivo XML. Nosso fiscal precisa do XML para fazer a escrituração.",
            type: "problem", priority: "normal", category: "invoice", tags: ["nfe", "xml", "email"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: "A mudança no template de e-mail do ERP removeu o anexo XML para clientes com mais de um e-mail cadastrado. Abrir chamado interno com a TI."
        ),
        DemoTicketSeed(
            department: .operations, language: "pt-BR",
            subject: "Novo endereço de faturamento e entrega",
            body: "Mudamos de endereço. O novo endereço de faturamento e entrega é Av. Brasil, 1500, galpão 3, Campinas/SP, CEP 13070-178. A inscrição estadual continua a mesma.",
            type: "task", priority: "low", category: "customer-data", tags: ["address-change", "master-data"],
            agentReply: "Dados atualizados! Os próximos pedidos já sairão com o novo endereço. Se houver algum pedido já faturado em trânsito para o endereço antigo, avisaremos.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .operations, language: "pt-BR",
            subject: "Carga da inauguração da loja não chegou",
            body: "A carga com 40 air fryers e 60 ventiladores para a inauguração da nossa loja em Goiânia deveria ter chegado hoje de manhã. A loja abre amanhã às 10h e a transportadora não atende.",
            type: "incident", priority: "urgent", category: "delivery", tags: ["delay", "store-opening", "carrier"],
            agentReply: "Já localizamos a carga: o caminhão teve uma pane em Anápolis. Enviamos um veículo de apoio para o transbordo, com chegada prevista à loja hoje até as 22h. Vamos avisando a cada atualização.",
            requesterFollowUp: "Chegou às 21h40. Obrigado pelo esforço, foi por pouco!",
            internalNote: "Cobrar da transportadora o custo do veículo de apoio (R$ 3.900), conforme a cláusula de SLA."
        ),
        DemoTicketSeed(
            department: .operations, language: "pt-BR",
            subject: "Sem retorno do executivo de contas",
            body: "Há duas semanas estamos tentando falar com nosso executivo de contas sobre a tabela de preços do segundo semestre. E-mails e ligações sem resposta.",
            type: "complaint", priority: "normal", category: "account-management", tags: ["account-manager", "pricing"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .operations, language: "pt-PT",
            subject: "Faturas sem o nosso número de contribuinte",
            body: "As duas últimas faturas não têm o nosso número de contribuinte e a contabilidade não as consegue lançar. Podem emitir faturas corrigidas?",
            type: "problem", priority: "normal", category: "invoice", tags: ["invoice", "nif", "portugal"],
            agentReply: "Bom dia! Pedimos desculpa pelo lapso: o NIF não ficou associado à nova morada de faturação. Já corrigimos o registo e vamos emitir as notas de crédito e as novas faturas até amanhã.",
            requesterFollowUp: "Obrigado, ficamos a aguardar.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .operations, language: "pt-PT",
            subject: "Encomenda de 200 chaleiras para a rede de lojas",
            body: "Queremos encomendar 200 chaleiras elétricas Acme Boil 1,7 L para as nossas lojas do Porto e de Braga. Conseguem entregar em dois pontos diferentes e emitir uma única fatura?",
            type: "task", priority: "normal", category: "bulk-order", tags: ["bulk-order", "portugal", "split-delivery"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: "Cliente com pagamento a 60 dias já aprovado. Confirmar o stock no armazém de Lisboa antes de responder."
        ),
        DemoTicketSeed(
            department: .operations, language: "en",
            subject: "Questions about the master supply agreement draft",
            body: "Our legal team has reviewed the draft master supply agreement. They'd like to understand the liability cap in clause 9.3, and whether the governing law could be English law instead of Brazilian law.",
            type: "question", priority: "normal", category: "contract", tags: ["contract", "legal"],
            agentReply: "Thanks for the review. We can accept a liability cap of 12 months of fees as proposed in 9.3, but the governing law needs to remain Brazilian, with arbitration in São Paulo. We're happy to set up a call with our legal counsel this week.",
            requesterFollowUp: "Thursday at 3 pm London time works for us.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .operations, language: "en",
            subject: "Quote for 1,200 air fryers for our autumn catalogue",
            body: "We'd like a quote for 1,200 units of the Acme Crisp 5.5 L air fryer with UK plugs, delivered to our warehouse in Milton Keynes in early September. Please include lead time and payment terms.",
            type: "task", priority: "high", category: "bulk-order", tags: ["quote", "bulk-order", "uk"],
            agentReply: "Thanks for the request! The attached quote is for 1,200 units at GBP 54.20 each, DAP Milton Keynes, with a lead time of 6 weeks from the purchase order. Payment terms are 30% upfront and 70% at 30 days after delivery.",
            requesterFollowUp: nil,
            internalNote: "The UK version needs BS 1363 plug certification. Check the manufacturer's paperwork before confirming."
        ),
        DemoTicketSeed(
            department: .operations, language: "en",
            subject: "Can't download invoices from the B2B portal",
            body: "When I click Download PDF on any invoice in the B2B portal, I get a blank page saying “Error 500”. I need last quarter's invoices for our auditors.",
            type: "incident", priority: "normal", category: "b2b-portal", tags: ["b2b-portal", "invoice", "bug"],
            agentReply: "Sorry about that. We found a bug affecting invoice downloads for accounts with a non-Brazilian tax ID. While our developers fix it, we've emailed you a ZIP file with all of last quarter's invoices.",
            requesterFollowUp: "Got the ZIP, thanks. That will do for the auditors.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .operations, language: "en",
            subject: "Monthly consumption report shows wrong totals",
            body: "The monthly consumption report in the portal shows 1,430 units for March, but our purchase orders only add up to 1,180. Could you check what's being counted?",
            type: "problem", priority: "low", category: "reporting", tags: ["report", "b2b-portal"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .operations, language: "en",
            subject: "Onboarding is taking much longer than promised",
            body: "We signed up as a B2B customer three weeks ago and were told setup would take five business days. We still can't order on credit, and nobody has told us what's missing.",
            type: "complaint", priority: "normal", category: "onboarding", tags: ["onboarding", "credit-analysis"],
            agentReply: "We apologise for the delay and the lack of communication. Our credit team was waiting for your latest financial statements, but the request went to an outdated contact. Could you send them by replying to this message? We'll complete the approval within 24 hours of receiving them.",
            requesterFollowUp: "Sent them just now. Please confirm you've received them.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .operations, language: "en",
            subject: "Volume discount tiers for next year",
            body: "We're planning our purchasing budget for next year. Could you share your volume discount tiers for the kitchen appliance range?",
            type: "question", priority: "low", category: "pricing", tags: ["pricing", "volume-discount"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),

        // MARK: Suppliers & partners
        DemoTicketSeed(
            department: .partners, language: "pt-BR",
            subject: "Previsão de pagamento da NF 3.871",
            body: "Somos fornecedores de café e a nota fiscal 3.871, no valor de R$ 12.480,00, venceu no dia 10 e ainda não recebemos. Poderiam informar a previsão de pagamento?",
            type: "question", priority: "normal", category: "supplier-payment", tags: ["supplier-invoice", "payment-status"],
            agentReply: "Olá! A NF 3.871 estava retida porque o número do pedido de compra não constava na nota. Já fizemos a conciliação manual e o pagamento está programado para quinta-feira, dia 18.",
            requesterFollowUp: "Obrigado. Nas próximas notas vamos incluir o número do pedido.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .partners, language: "pt-BR",
            subject: "Entrega parcial do pedido de compra 4500019214",
            body: "Recebemos o pedido de compra 4500019214 com 300 pacotes de café em grãos de 1 kg. Por causa da safra, podemos entregar 200 agora e 100 em 15 dias. Vocês aceitam a entrega parcial?",
            type: "task", priority: "normal", category: "purchase-order", tags: ["purchase-order", "partial-delivery"],
            agentReply: "Aceitamos a entrega parcial. Emitam uma nota fiscal para cada entrega, referenciando o mesmo pedido de compra, e agendem a descarga no portal do CD com 48 horas de antecedência.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .partners, language: "pt-BR",
            subject: "API de pedidos retornando erro 503",
            body: "Desde as 8h15 nossa integração recebe “HTTP 503 Service Unavailable” em todas as chamadas ao endpoint /v2/orders. Estamos sem pedidos para faturar e a coleta da transportadora é às 14h.",
            type: "incident", priority: "urgent", category: "api-integration", tags: ["api", "outage", "orders-endpoint"],
            agentReply: "Confirmamos uma instabilidade no gateway de API depois da manutenção desta madrugada. A equipe de plataforma já está atuando e o serviço deve normalizar em até 1 hora. Os pedidos ficam enfileirados e serão entregues assim que o endpoint voltar.",
            requesterFollowUp: "Voltou às 9h50 e recebemos os pedidos pendentes. Obrigado.",
            internalNote: "Post-mortem: a regra de rate limit do gateway foi aplicada com limite global em vez de por cliente. Incidente INC-0419."
        ),
        DemoTicketSeed(
            department: .partners, language: "pt-BR",
            subject: "Fotos dos produtos não atualizam no site",
            body: "Enviamos há 10 dias as fotos novas da linha de edredons pela planilha de catálogo, mas o site ainda mostra as fotos antigas, com as cores da coleção passada. Os clientes estão reclamando que o produto chega diferente.",
            type: "problem", priority: "high", category: "catalog", tags: ["catalog", "product-images"],
            agentReply: "Verificamos que as imagens foram enviadas com links do Google Drive que exigem login, e o nosso importador não consegue baixá-las. Poderiam reenviar as imagens pelo portal do fornecedor (Catálogo > Mídia) ou com links públicos?",
            requesterFollowUp: "Reenviamos 48 imagens pelo portal hoje à tarde.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .partners, language: "pt-BR",
            subject: "Como se tornar fornecedor da Acme?",
            body: "Somos uma fábrica de utensílios de cozinha em Caxias do Sul e gostaríamos de vender para a Acme. Qual é o processo para se tornar fornecedor?",
            type: "question", priority: "low", category: "supplier-onboarding", tags: ["new-supplier"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .partners, language: "pt-BR",
            subject: "Atrasos recorrentes nos pagamentos",
            body: "Nos últimos três meses, todas as nossas faturas foram pagas com 10 a 15 dias de atraso em relação ao prazo de 28 dias do contrato. Somos uma empresa pequena e isso compromete nosso fluxo de caixa. Se continuar assim, teremos que rever as condições de fornecimento.",
            type: "complaint", priority: "high", category: "supplier-payment", tags: ["late-payment", "escalation"],
            agentReply: "Agradecemos a franqueza e pedimos desculpas. As notas de vocês estavam caindo na aprovação manual por divergência de unidade de medida (caixa x unidade) entre a nota e o pedido. Corrigimos o cadastro dos itens e os próximos pagamentos seguirão o prazo do contrato.",
            requesterFollowUp: nil,
            internalNote: "Fornecedor estratégico (único de café torrado). O financeiro vai antecipar as 2 faturas em aberto como gesto de boa-fé."
        ),
        DemoTicketSeed(
            department: .partners, language: "pt-BR",
            subject: "Inclusão de 12 novos SKUs no catálogo",
            body: "Segue a planilha com 12 novos SKUs da linha de panelas antiaderentes, com EAN, NCM, dimensões e preço de custo. Gostaríamos que estivessem no site antes do Dia das Mães.",
            type: "task", priority: "normal", category: "catalog", tags: ["catalog", "new-sku"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: "Conferir os NCMs: 4 itens vieram como 7323.93.00 (aço inox), mas a linha é de alumínio (7615.10.00)."
        ),
        DemoTicketSeed(
            department: .partners, language: "pt-BR",
            subject: "Agendamento de descarga recusado no CD",
            body: "Tentamos agendar a descarga para quinta-feira no portal do CD de Cajamar, mas o sistema recusa com “pedido de compra não encontrado”. O pedido é o 4500019388.",
            type: "incident", priority: "normal", category: "logistics", tags: ["dock-scheduling", "purchase-order"],
            agentReply: "O pedido 4500019388 ainda estava com status “em aprovação” no nosso sistema. Ele foi aprovado hoje às 11h e o agendamento já pode ser feito.",
            requesterFollowUp: "Consegui agendar para quinta às 7h. Obrigado.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .partners, language: "pt-BR",
            subject: "Webhook para mudança de status dos pedidos",
            body: "Estamos integrando nosso WMS com vocês. Existe webhook para mudança de status dos pedidos ou precisamos consultar o endpoint periodicamente?",
            type: "question", priority: "normal", category: "api-integration", tags: ["api", "webhooks", "wms"],
            agentReply: "Existe, sim. No portal de desenvolvedores, em Webhooks > order.status_changed, está o formato do payload e a validação da assinatura HMAC-SHA256. Recomendamos também uma consulta de conciliação a cada 6 horas.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .partners, language: "pt-BR",
            subject: "Estoque divergente entre a API e o portal do fornecedor",
            body: "O estoque que enviamos pela API (PUT /v2/inventory) aparece certo na resposta, mas o portal do fornecedor continua mostrando o valor antigo por várias horas. Isso já gerou vendas sem estoque.",
            type: "problem", priority: "normal", category: "api-integration", tags: ["api", "inventory", "cache"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: "O portal do fornecedor tem cache com TTL de 6 horas; o site usa o valor correto e a divergência é só visual. Verificar as vendas citadas."
        ),
        DemoTicketSeed(
            department: .partners, language: "pt-PT",
            subject: "Pagamento da fatura FT A/1187",
            body: "Somos fornecedores de têxteis-lar em Guimarães. A fatura FT A/1187 venceu há uma semana e ainda não recebemos a transferência. Os pagamentos são feitos por SEPA a partir de Portugal ou por transferência internacional a partir do Brasil?",
            type: "question", priority: "normal", category: "supplier-payment", tags: ["sepa", "supplier-invoice", "portugal"],
            agentReply: "Bom dia! Os pagamentos a fornecedores europeus são feitos por transferência SEPA a partir da nossa conta em Lisboa, às terças e sextas-feiras. A fatura FT A/1187 foi aprovada ontem e será paga na próxima sexta-feira.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .partners, language: "pt-PT",
            subject: "Alteração de quantidades na encomenda EC-2291",
            body: "Precisamos de alterar a encomenda EC-2291: em vez de 800 jogos de lençóis, só conseguimos entregar 650 até ao final do mês, por falta de algodão. Os restantes 150 seguem na primeira semana do mês seguinte. Podem confirmar?",
            type: "task", priority: "high", category: "purchase-order", tags: ["purchase-order", "quantity-change", "portugal"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: "Confirmar com o Comercial se a campanha do Dia das Mães depende destes 150 jogos antes de aceitar."
        ),
        DemoTicketSeed(
            department: .partners, language: "en",
            subject: "Webhook signature validation failing since key rotation",
            body: "Since your announced key rotation on Monday, every webhook we receive fails signature validation. We've switched to the new public key from the developer portal, but the errors continue and we're missing payment confirmations.",
            type: "incident", priority: "urgent", category: "api-integration", tags: ["webhooks", "signature", "key-rotation"],
            agentReply: "Thanks for the detailed report. Webhooks for a subset of partners were still being signed with the old key during the transition window. This was fixed at 16:20 UTC, and all failed deliveries from the last 48 hours are being replayed.",
            requesterFollowUp: "Confirmed: signatures validate again and the replays are coming through.",
            internalNote: "The rotation script didn't update partner-specific signing configs. Add a check to the runbook."
        ),
        DemoTicketSeed(
            department: .partners, language: "en",
            subject: "Sandbox credentials for the payments integration",
            body: "We're starting the integration for instalment payments. Could you provide sandbox API credentials and the test card numbers you use?",
            type: "question", priority: "low", category: "api-integration", tags: ["sandbox", "payments", "api"],
            agentReply: "Welcome aboard! The sandbox credentials have been sent to the technical contact named in the partnership agreement. The test cards are documented in the developer portal under Payments > Testing.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .partners, language: "en",
            subject: "Order acknowledgement for PO 4500019502",
            body: "Please find attached our order acknowledgement for PO 4500019502 (2,000 USB-C cables, 1 m). The ex-works date is 14 June from our Shenzhen facility. Please confirm your forwarder's details.",
            type: "task", priority: "normal", category: "purchase-order", tags: ["purchase-order", "import", "forwarder"],
            agentReply: "Thanks! Our forwarder will handle the pickup at your Shenzhen facility; their booking contact is in the attached routing instructions. Please send the commercial invoice and packing list at least 3 days before the ex-works date.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .partners, language: "en",
            subject: "Our product is listed with the wrong specifications",
            body: "Your site lists our 20,000 mAh power bank as 30,000 mAh, and customers are leaving 1-star reviews calling it false advertising. We sent the correct specs in last month's catalogue file.",
            type: "complaint", priority: "normal", category: "catalog", tags: ["catalog", "product-data", "reviews"],
            agentReply: "You're right, and we apologise. The capacity was mapped from the wrong column during the import. We've corrected the listing and asked the review platform to add a note to the affected reviews.",
            requesterFollowUp: nil,
            internalNote: "In the electronics import template, capacity and max capacity were swapped. Check the other 40 SKUs imported in the same batch."
        ),
        DemoTicketSeed(
            department: .partners, language: "en",
            subject: "Remittance advice doesn't list invoice numbers",
            body: "The remittance advices we receive with your payments only show the total amount, not which invoices are being paid. Our accounts receivable team has to match them by hand.",
            type: "problem", priority: "normal", category: "supplier-payment", tags: ["remittance-advice", "reconciliation"],
            agentReply: "Thanks for flagging this. Our bank's remittance format cuts the reference field at 35 characters. From the next payment run, our ERP will also email you a detailed remittance advice listing every invoice number.",
            requesterFollowUp: "That would help a lot, thank you.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .partners, language: "en",
            subject: "Renewal of our distribution partnership agreement",
            body: "Our distribution agreement expires at the end of the quarter. We'd like to renew it and discuss adding Portugal to the territory. Who should we talk to?",
            type: "question", priority: "normal", category: "contract", tags: ["partnership", "contract-renewal"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
    ]
}
