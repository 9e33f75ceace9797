// Demo tickets for the internal finance and facilities desks.
// Combined with IT and HR in `DemoCatalog.internalTickets` (DemoCatalog+InternalDesks.swift).

extension DemoCatalog {
    /// Finance and facilities tickets.
    static let internalTicketsFinanceAndFacilities: [DemoTicketSeed] = [
        // MARK: Finance
        DemoTicketSeed(
            department: .finance, language: "pt-BR",
            subject: "Prazo para reembolso de despesas de viagem",
            body: "Enviei o relatório de despesas da viagem a Curitiba (R$ 1.284,50) no dia 3 e ainda não recebi. Qual é o prazo normal de reembolso?",
            type: "question", priority: "normal", category: "reimbursement", tags: ["expenses", "travel", "reimbursement"],
            agentReply: "Olá! O prazo é de até 10 dias úteis após a aprovação do gestor. Seu relatório foi aprovado ontem, então o pagamento está programado para o lote de quinta-feira.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .finance, language: "pt-BR",
            subject: "Cartão corporativo recusado em viagem",
            body: "Estou em Manaus para a visita ao cliente e meu cartão corporativo foi recusado no hotel com a mensagem “transação não autorizada”. Preciso fazer o check-out hoje à tarde.",
            type: "incident", priority: "high", category: "corporate-card", tags: ["corporate-card", "travel"],
            agentReply: "Verificamos com o banco: o cartão foi bloqueado preventivamente por uma transação fora do padrão. Já desbloqueamos e aumentamos o limite diário para R$ 3.000 até sexta-feira. Pode tentar de novo.",
            requesterFollowUp: "Passou agora. Obrigada!",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .finance, language: "pt-BR",
            subject: "Transferência de orçamento entre centros de custo",
            body: "Preciso transferir R$ 25.000 do centro de custo 4100 (Eventos) para o 4120 (Mídia digital). A transferência já foi aprovada pela diretoria de marketing; o e-mail de aprovação está anexado.",
            type: "task", priority: "normal", category: "budget", tags: ["cost-center", "budget-transfer"],
            agentReply: "Recebido. A transferência será lançada no sistema orçamentário até amanhã e vai aparecer no relatório de acompanhamento de sexta-feira.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .finance, language: "pt-BR",
            subject: "Qual CNPJ informar na nota fiscal do treinamento?",
            body: "O fornecedor do treinamento de liderança pediu o CNPJ para emitir a nota. Uso o da matriz em São Paulo ou o da filial de Cajamar, onde o treinamento vai acontecer?",
            type: "question", priority: "low", category: "tax", tags: ["invoice", "cnpj"],
            agentReply: "Use o CNPJ da matriz, em São Paulo, porque o contrato e o centro de custo do treinamento são da matriz. Peça ao fornecedor para informar o número do pedido de compra no campo de observações da nota.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .finance, language: "pt-BR",
            subject: "Boletos de fornecedor pagos em duplicidade",
            body: "Três boletos da Transportes Rápido Sul foram pagos duas vezes no mês passado, somando R$ 18.430,00 pagos a mais. Parece que o arquivo de remessa foi enviado duas vezes ao banco.",
            type: "problem", priority: "high", category: "payments", tags: ["duplicate-payment", "cnab", "accounts-payable"],
            agentReply: "Obrigado por identificar. Confirmamos que o arquivo de remessa do dia 14 foi reprocessado após uma falha de conexão com o banco. Já pedimos ao fornecedor a devolução ou o abatimento na próxima fatura.",
            requesterFollowUp: "O fornecedor concordou em abater o valor na próxima fatura.",
            internalNote: "Ajustar o job de remessa para não reenviar arquivos com o mesmo número sequencial. Abrir chamado com a TI."
        ),
        DemoTicketSeed(
            department: .finance, language: "pt-BR",
            subject: "Arquivo de pagamentos rejeitado pelo banco",
            body: "O banco rejeitou o arquivo CNAB de pagamentos de hoje com o erro “header de lote inválido”. São 42 títulos vencendo hoje, incluindo o aluguel do CD e a conta de energia. O horário-limite do banco é 16h.",
            type: "incident", priority: "urgent", category: "payments", tags: ["cnab", "bank", "accounts-payable"],
            agentReply: "Estamos atuando. O erro aconteceu porque o banco alterou o código do convênio e o sistema ainda usa o antigo. Corrigimos o parâmetro e vamos transmitir um novo arquivo às 14h30.",
            requesterFollowUp: "Arquivo aceito pelo banco às 14h47. Obrigada!",
            internalNote: "O banco não comunicou a alteração do código de convênio. Registrar reclamação com o gerente da conta."
        ),
        DemoTicketSeed(
            department: .finance, language: "pt-BR",
            subject: "Reembolso recusado sem explicação",
            body: "Meu reembolso de R$ 96,00 de táxi foi recusado com o motivo “fora da política”, mas eu voltei de um evento com cliente depois das 23h, o que a política permite. Gostaria de uma revisão.",
            type: "complaint", priority: "normal", category: "reimbursement", tags: ["expenses", "policy"],
            agentReply: "Você tem razão: a política permite táxi depois das 22h em eventos de trabalho, e o revisor não viu a observação no relatório. Revertemos a recusa e o valor entra no lote da próxima semana.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .finance, language: "pt-BR",
            subject: "Cadastro de novo fornecedor de brindes",
            body: "Preciso cadastrar a Gráfica Bem-te-vi como fornecedor para a compra dos brindes da convenção de vendas. Já tenho o cartão CNPJ, os dados bancários e o certificado de regularidade do FGTS.",
            type: "task", priority: "low", category: "supplier-registration", tags: ["supplier-master-data", "procurement"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .finance, language: "pt-BR",
            subject: "Prazo para envio do orçamento do ano que vem",
            body: "Qual é o prazo para as áreas enviarem a proposta de orçamento do próximo ano? Existe um modelo de planilha atualizado?",
            type: "question", priority: "normal", category: "budget", tags: ["budget-planning"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .finance, language: "pt-BR",
            subject: "NFS-e do fornecedor de limpeza rejeitada na entrada",
            body: "A NFS-e nº 000318 do fornecedor de limpeza foi rejeitada no recebimento fiscal com a mensagem “código de serviço divergente”. O pagamento vence no dia 20.",
            type: "incident", priority: "normal", category: "invoice", tags: ["nfse", "tax", "accounts-payable"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: "Na nota consta o código de serviço 7.10; no contrato, 7.02. Confirmar com o fiscal antes de pedir ao fornecedor o cancelamento e a reemissão."
        ),
        DemoTicketSeed(
            department: .finance, language: "pt-BR",
            subject: "Reembolso de quilometragem com carro próprio",
            body: "Vou usar meu carro para visitar três clientes no interior na semana que vem. Como funciona o reembolso de quilometragem?",
            type: "question", priority: "low", category: "reimbursement", tags: ["mileage", "expenses"],
            agentReply: "O valor atual é de R$ 1,35 por km rodado. Lance no sistema de despesas na categoria “Quilometragem”, com origem, destino e a distância calculada no Google Maps. Pedágio e estacionamento são lançados à parte, com comprovante.",
            requesterFollowUp: "Entendi. Preciso de aprovação prévia do gestor?",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .finance, language: "pt-PT",
            subject: "Fatura sem o NIF da empresa",
            body: "Comprei material de escritório para o escritório de Lisboa, mas a fatura saiu sem o NIF da empresa. Ainda posso pedir o reembolso ou tenho de pedir uma nova fatura?",
            type: "question", priority: "normal", category: "invoice", tags: ["invoice", "nif", "lisbon-office"],
            agentReply: "Olá! Sem o NIF, a despesa não é dedutível. Peça ao fornecedor que emita uma nota de crédito e uma nova fatura com o NIF da Acme (está no cartão da empresa) e anexe-a ao pedido de reembolso.",
            requesterFollowUp: "Já pedi à papelaria, enviam a nova fatura amanhã.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .finance, language: "pt-PT",
            subject: "Conversão cambial errada nas despesas em euros",
            body: "Todas as despesas que registo em euros aparecem convertidas para reais com a taxa de câmbio de há duas semanas. Isto está a baralhar os relatórios do escritório de Lisboa.",
            type: "problem", priority: "low", category: "expenses", tags: ["exchange-rate", "expenses", "lisbon-office"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: "O job de atualização da taxa de câmbio parou no dia 2. Pedir à TI para verificar a integração com a API do Banco Central."
        ),
        DemoTicketSeed(
            department: .finance, language: "en",
            subject: "Overdue invoice: vendor threatening to suspend our account",
            body: "Our SaaS vendor in Boston says invoice INV-20931 for USD 4,800 is 15 days overdue and they'll suspend our account on Monday. Can you check the payment status?",
            type: "question", priority: "urgent", category: "accounts-payable", tags: ["overdue", "international-payment", "accounts-payable"],
            agentReply: "The invoice was on hold because the W-8BEN-E form wasn't attached to the supplier record. We've now got it from the vendor's portal and the international wire goes out tomorrow morning. We'll send you the SWIFT confirmation.",
            requesterFollowUp: "Thanks, I'll let them know.",
            internalNote: "Foreign suppliers must have their tax form on file before the first payment. Remind Procurement."
        ),
        DemoTicketSeed(
            department: .finance, language: "en",
            subject: "Corporate card for our new sales manager",
            body: "Our new Key Account Manager starts next week and will travel a lot. Please request a corporate card with a BRL 15,000 monthly limit. Approval from the commercial director is attached.",
            type: "task", priority: "normal", category: "corporate-card", tags: ["corporate-card", "new-hire"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .finance, language: "en",
            subject: "Expense app rejects receipts from my phone",
            body: "Every time I upload a receipt photo from my iPhone, the expense app says “file type not supported”. It worked fine last week.",
            type: "incident", priority: "normal", category: "expenses", tags: ["expense-app", "receipts"],
            agentReply: "Thanks for reporting it. Since the last update, the app no longer accepts HEIC images. As a workaround, set your camera to Most Compatible (Settings > Camera > Formats) or upload the receipts as PDF. The vendor is working on a fix.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .finance, language: "en",
            subject: "Withholding tax on payment to a UK consultant",
            body: "We're hiring a UK-based consultant for a two-week project. Do we need to withhold any Brazilian tax on the payment, and which documents do we need from her?",
            type: "question", priority: "low", category: "tax", tags: ["withholding-tax", "international-payment"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .finance, language: "en",
            subject: "Accrual for month-end close",
            body: "Please include an accrual of BRL 62,000 for the logistics consulting services delivered this month; the invoice will only arrive next month. PO 4500018832.",
            type: "task", priority: "high", category: "closing", tags: ["month-end", "accruals"],
            agentReply: "Noted. The accrual will be booked on the 2nd business day against cost centre 5300 and reversed automatically when the invoice is posted.",
            requesterFollowUp: nil,
            internalNote: nil
        ),

        // MARK: Facilities
        DemoTicketSeed(
            department: .facilities, language: "pt-BR",
            subject: "Ar-condicionado parado na sala de treinamento",
            body: "O ar-condicionado da sala de treinamento T2, no térreo, parou de funcionar e amanhã às 9h temos um treinamento com 30 pessoas. O controle mostra o código E4.",
            type: "incident", priority: "high", category: "hvac", tags: ["air-conditioning", "meeting-room"],
            agentReply: "Acionamos a empresa de manutenção e o técnico vem hoje às 15h. O código E4 costuma indicar falha no sensor de temperatura. Se não resolver até o fim do dia, reservamos o auditório como alternativa.",
            requesterFollowUp: "O técnico trocou o sensor e já está funcionando. Obrigado!",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .facilities, language: "pt-BR",
            subject: "Novas estações de trabalho para o marketing",
            body: "A equipe de marketing vai crescer de 8 para 12 pessoas e precisamos de mais 4 estações de trabalho no 5º andar, de preferência perto da janela. Podemos conversar sobre o layout?",
            type: "task", priority: "normal", category: "workspace", tags: ["layout", "workstations"],
            agentReply: "Claro! Temos espaço na ilha 5C, que hoje é usada como área de apoio. Vamos agendar uma visita com você na quarta-feira às 14h para validar a planta.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .facilities, language: "pt-BR",
            subject: "Bicicletário e vestiário no prédio",
            body: "Comecei a vir de bicicleta para o escritório. O prédio tem bicicletário e vestiário com chuveiro?",
            type: "question", priority: "low", category: "building", tags: ["bicycle", "locker-room"],
            agentReply: "Tem, sim! O bicicletário fica no subsolo 1, ao lado da rampa, e os vestiários com chuveiro ficam no térreo, atrás da recepção. Cadastre a bicicleta na portaria para liberar o acesso pelo crachá.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .facilities, language: "pt-BR",
            subject: "Vazamento de água no banheiro do 4º andar",
            body: "Está vazando muita água debaixo da pia do banheiro masculino do 4º andar e ela já está chegando ao corredor, perto das tomadas. Precisamos de alguém agora!",
            type: "incident", priority: "urgent", category: "plumbing", tags: ["leak", "safety"],
            agentReply: "A equipe de manutenção está a caminho. Já fechamos o registro do andar e isolamos a área. Por favor, mantenham distância das tomadas até a liberação.",
            requesterFollowUp: "O pessoal chegou. Obrigado pela rapidez.",
            internalNote: "Rompeu o flexível da pia. Trocar todos os flexíveis do andar na próxima preventiva; são da instalação original do prédio."
        ),
        DemoTicketSeed(
            department: .facilities, language: "pt-BR",
            subject: "Copa do 2º andar sem limpeza há dois dias",
            body: "A copa do 2º andar está sem limpeza há dois dias: pia cheia de louça, lixo transbordando e cheiro ruim. Avisei a recepção ontem e nada mudou.",
            type: "complaint", priority: "normal", category: "cleaning", tags: ["cleaning", "kitchen"],
            agentReply: "Pedimos desculpas. A empresa de limpeza estava com uma colaboradora afastada e não cobriu o posto. A limpeza foi feita hoje de manhã e o supervisor da terceirizada vai reforçar a escala do andar.",
            requesterFollowUp: nil,
            internalNote: "Registrar ocorrência formal no contrato de limpeza (segunda neste trimestre)."
        ),
        DemoTicketSeed(
            department: .facilities, language: "pt-BR",
            subject: "Catraca não reconhece os crachás novos",
            body: "Os crachás emitidos desde a semana passada não liberam a catraca da entrada principal. Os colaboradores novos precisam pedir ao segurança para liberar todos os dias.",
            type: "problem", priority: "high", category: "access-control", tags: ["badge", "turnstile"],
            agentReply: "Identificamos que os crachás novos estão sendo gravados no padrão de 26 bits, mas as catracas leem 34 bits. O fornecedor do controle de acesso vai reconfigurar a impressora de crachás e regravar os cartões afetados.",
            requesterFollowUp: "Quantos dias isso deve levar?",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .facilities, language: "pt-BR",
            subject: "Cadeira ergonômica com recomendação médica",
            body: "Recebi recomendação do ortopedista para usar uma cadeira com apoio lombar ajustável e anexei o laudo. Como faço para solicitar?",
            type: "task", priority: "low", category: "furniture", tags: ["ergonomics", "chair"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: "Encaminhar o laudo ao SESMT para validação antes da compra."
        ),
        DemoTicketSeed(
            department: .facilities, language: "pt-BR",
            subject: "Reserva do auditório para evento com clientes",
            body: "Quero reservar o auditório para um evento com 80 clientes no dia 22, das 14h às 18h, com coffee break. O auditório comporta essa quantidade?",
            type: "question", priority: "normal", category: "events", tags: ["auditorium", "booking", "catering"],
            agentReply: "O auditório comporta até 120 pessoas, a data está livre e já fizemos a pré-reserva. Para o coffee break, envie o número final de participantes até 5 dias antes para fecharmos com o bufê.",
            requesterFollowUp: "Perfeito, mando a lista até o dia 15.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .facilities, language: "pt-BR",
            subject: "Lâmpadas piscando na ilha 3A",
            body: "As luminárias do teto sobre a ilha 3A estão piscando desde ontem e algumas pessoas já estão com dor de cabeça.",
            type: "incident", priority: "normal", category: "electrical", tags: ["lighting"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .facilities, language: "pt-BR",
            subject: "Envio de 200 kits de fim de ano para clientes",
            body: "Precisamos enviar 200 kits de fim de ano para clientes pelos Correios até o dia 10. Os kits já estão embalados na sala do marketing. Como fazemos com as etiquetas?",
            type: "task", priority: "normal", category: "mailroom", tags: ["shipping", "correios"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .facilities, language: "pt-BR",
            subject: "Visitante precisa de cadastro prévio?",
            body: "Vou receber um candidato para entrevista na quinta-feira. Preciso cadastrá-lo antes na portaria?",
            type: "question", priority: "low", category: "security", tags: ["visitors", "reception"],
            agentReply: "Sim. Cadastre o visitante no app da portaria com nome completo e documento até a véspera. Ele recebe por e-mail um QR Code para entrar direto pela catraca.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .facilities, language: "pt-PT",
            subject: "Estores avariados na sala de reuniões Tejo",
            body: "Os estores da sala de reuniões Tejo, no escritório de Lisboa, ficaram presos a meio e já não sobem nem descem. De manhã o sol bate diretamente no ecrã e é impossível fazer apresentações.",
            type: "incident", priority: "low", category: "maintenance", tags: ["blinds", "meeting-room", "lisbon-office"],
            agentReply: "Bom dia! Já contactámos a empresa que fez a instalação e o técnico passa na quinta-feira de manhã. Até lá, sugerimos reservar a sala Douro para as apresentações.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .facilities, language: "pt-PT",
            subject: "Máquina de café avariada há uma semana",
            body: "A máquina de café da copa do escritório de Lisboa está avariada há mais de uma semana e ninguém responde. Já informámos a receção duas vezes.",
            type: "complaint", priority: "normal", category: "kitchen", tags: ["coffee-machine", "lisbon-office"],
            agentReply: "Lamentamos a demora. O pedido ficou parado porque o contrato com o fornecedor das máquinas mudou este mês. Já falámos com o novo fornecedor e a máquina será substituída na segunda-feira.",
            requesterFollowUp: "Obrigada pela resposta, ficamos a aguardar.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .facilities, language: "en",
            subject: "Hot desks for the visiting New York team",
            body: "Five colleagues from the New York team will be in São Paulo next week. Can we book hot desks for them close to the Sales area, ideally with monitors?",
            type: "question", priority: "normal", category: "workspace", tags: ["hot-desk", "booking", "visitors"],
            agentReply: "Done: desks 6D-01 to 6D-05 are booked from Monday to Friday, all with 27-inch monitors and docking stations. Their visitor badges will be ready at reception on Monday from 8 am.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .facilities, language: "en",
            subject: "Server room temperature alarm keeps going off",
            body: "The temperature alarm in the 1st-floor server room has gone off three times this week, reaching 29 °C. IT is worried about the switches. The backup AC unit doesn't seem to kick in.",
            type: "problem", priority: "urgent", category: "hvac", tags: ["server-room", "air-conditioning", "alarm"],
            agentReply: "We've checked it: the backup unit's automatic changeover relay is faulty. The backup unit is now running continuously until the relay is replaced on Friday, and the room is back to 22 °C.",
            requesterFollowUp: nil,
            internalNote: "Quote for the relay: BRL 2,850, approved under the emergency maintenance budget."
        ),
        DemoTicketSeed(
            department: .facilities, language: "en",
            subject: "Replace the whiteboard in meeting room Ipanema",
            body: "The whiteboard in meeting room Ipanema is so stained that markers barely show anymore. Could it be replaced, or at least cleaned properly?",
            type: "task", priority: "low", category: "maintenance", tags: ["meeting-room", "whiteboard"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .facilities, language: "en",
            subject: "Elevator 2 stuck between floors (nobody inside)",
            body: "Elevator 2 stopped between the 3rd and 4th floors this morning and has been out of service since. Luckily nobody was inside. With only one elevator working, lunchtime is a nightmare.",
            type: "incident", priority: "normal", category: "elevator", tags: ["elevator", "out-of-service"],
            agentReply: "Thanks for letting us know. The elevator company has been called and their technician should be here by 2 pm. We'll post updates on the notice board in the lobby.",
            requesterFollowUp: nil,
            internalNote: "Third stoppage of elevator 2 in 60 days. Ask the maintenance company for a full technical report."
        ),
        DemoTicketSeed(
            department: .facilities, language: "en",
            subject: "E-waste collection point in the office?",
            body: "I have some old personal electronics, an old phone and a couple of chargers. Does the office have an e-waste collection point?",
            type: "question", priority: "low", category: "sustainability", tags: ["recycling", "e-waste"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
    ]
}
