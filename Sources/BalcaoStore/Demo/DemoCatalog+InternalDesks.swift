// Demo tickets for the internal desks (IT, HR, finance, facilities).
// IT and HR live in this file; finance and facilities in DemoCatalog+InternalDesks2.swift.

extension DemoCatalog {
    /// All internal-desk tickets (IT, HR, finance, facilities).
    static let internalTickets: [DemoTicketSeed] = internalTicketsITAndHR + internalTicketsFinanceAndFacilities

    /// IT and HR tickets.
    static let internalTicketsITAndHR: [DemoTicketSeed] = [
        // MARK: IT
        DemoTicketSeed(
            department: .it, language: "pt-BR",
            subject: "VPN desconecta a cada 10 minutos",
            body: "Desde a atualização do FortiClient ontem, a VPN cai mais ou menos a cada 10 minutos com a mensagem “Erro -14: conexão perdida com o gateway”. Estou em home office e preciso do ERP o dia todo. Já reiniciei o notebook e o roteador.",
            type: "incident", priority: "high", category: "vpn", tags: ["vpn", "forticlient", "remote-work"],
            agentReply: "Olá! A versão 7.2.4 do FortiClient tem um problema conhecido com o tempo de detecção de túnel inativo. Pode desinstalá-la e instalar a 7.2.3 pelo Portal da Empresa? Se continuar caindo, agendamos um acesso remoto.",
            requesterFollowUp: "Instalei a 7.2.3 e já estou há mais de uma hora sem queda. Obrigada!",
            internalNote: "Mais 3 chamados com o mesmo erro hoje. Vale bloquear a atualização automática para a 7.2.4 no EMS até a Fortinet publicar a correção."
        ),
        DemoTicketSeed(
            department: .it, language: "pt-BR",
            subject: "Impressora do 3º andar imprimindo com listras",
            body: "A HP LaserJet Pro M428fdw ao lado da sala de reuniões do 3º andar está imprimindo com listras cinza verticais em todas as páginas. Já tirei e recoloquei o toner, mas continua igual.",
            type: "incident", priority: "normal", category: "printer", tags: ["printer", "hp", "toner"],
            agentReply: "Obrigado pelo aviso! Pelo sintoma, o cilindro do toner CF258A chegou ao fim da vida útil. Levamos um toner novo hoje à tarde; enquanto isso, use a impressora do 2º andar (HP-2A-FIN).",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .it, language: "pt-BR",
            subject: "Como instalar o Power BI Desktop?",
            body: "Preciso do Power BI Desktop para montar um relatório de vendas, mas o instalador pede senha de administrador. Tem como liberar ou existe outro caminho?",
            type: "question", priority: "low", category: "software", tags: ["software-install", "power-bi"],
            agentReply: "O Power BI Desktop está disponível no Portal da Empresa (ícone da maleta na barra de tarefas), em Aplicativos > Análise de dados. Por lá a instalação não pede senha de administrador. Se ele não aparecer na lista, avise que liberamos para o seu usuário.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .it, language: "pt-BR",
            subject: "Acessos para novo colaborador do Contas a Pagar",
            body: "Um analista novo começa no Contas a Pagar na segunda-feira. Ele vai precisar de notebook, e-mail, acesso ao SAP (transações FB60 e F-53) e à pasta Financeiro no SharePoint. A gestora imediata é a Denise Carvalho.",
            type: "task", priority: "normal", category: "onboarding", tags: ["onboarding", "sap", "access-request"],
            agentReply: "Chamado recebido. O notebook (Dell Latitude 5440) já está sendo preparado e o e-mail será criado hoje. O acesso ao SAP depende da aprovação da gestora no formulário do GRC; o link já foi enviado para ela.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .it, language: "pt-BR",
            subject: "E-mails com anexo chegando com horas de atraso",
            body: "Vários e-mails externos com anexo estão chegando 2 a 3 horas depois do envio. Um cliente mandou um pedido às 9h12 e eu só recebi às 11h40. Sem anexo parece normal.",
            type: "problem", priority: "high", category: "email", tags: ["email", "delay", "antispam"],
            agentReply: "Estamos investigando. A fila de análise de anexos do filtro antispam está congestionada desde ontem. Abrimos um chamado com o fornecedor e vamos atualizar por aqui.",
            requesterFollowUp: "Hoje de manhã aconteceu de novo com um boleto de fornecedor. Alguma previsão?",
            internalNote: "Causa raiz: a sandbox do gateway de e-mail excedeu a cota de processamento da licença. Chamado do fornecedor SR-771204."
        ),
        DemoTicketSeed(
            department: .it, language: "pt-BR",
            subject: "Sem rede no centro de distribuição de Cajamar",
            body: "O CD de Cajamar inteiro está sem rede desde as 7h20. Os coletores não conseguem dar baixa nos pedidos e os caminhões estão parados na doca. Precisamos de ajuda urgente!",
            type: "incident", priority: "urgent", category: "network", tags: ["network", "outage", "warehouse"],
            agentReply: "Equipe acionada. O link principal da operadora caiu e o failover para o link 4G não subiu. Um técnico está a caminho e a operadora abriu o protocolo 118834. Atualizamos a cada 30 minutos.",
            requesterFollowUp: "Voltou às 9h05 e os coletores já estão funcionando. Obrigado pela agilidade.",
            internalNote: "O failover 4G do firewall do CD falhou porque o chip estava sem plano de dados ativo. Regularizar com Compras e testar o failover todo mês."
        ),
        DemoTicketSeed(
            department: .it, language: "pt-BR",
            subject: "Trocar a senha antes de sair de férias",
            body: "Minha senha expira no dia 15 e estarei de férias até o dia 28. Consigo trocar antes para não ficar bloqueado na volta?",
            type: "question", priority: "low", category: "account", tags: ["password", "account"],
            agentReply: "Consegue, sim! Pressione Ctrl+Alt+Del > Alterar uma senha ou, fora da rede, acesse senha.acme.example. A nova senha vale por 90 dias.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .it, language: "pt-BR",
            subject: "Notebook não liga depois de atualização do Windows",
            body: "Meu Lenovo ThinkPad E14 instalou uma atualização ontem à noite e hoje não passa da tela com o logo, fica reiniciando sem parar. Patrimônio AC-02871.",
            type: "incident", priority: "normal", category: "hardware", tags: ["laptop", "windows-update", "lenovo"],
            agentReply: "Vamos tentar a recuperação automática: desligue segurando o botão por 10 segundos, ligue de novo e, na tela de Recuperação, escolha Solução de problemas > Desinstalar atualizações. Se não resolver, traga o notebook ao suporte no 2º andar que entregamos um reserva.",
            requesterFollowUp: "Não funcionou. Vou levar aí depois do almoço.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .it, language: "pt-BR",
            subject: "Chamado encerrado sem solução",
            body: "Meu chamado sobre o monitor piscando foi encerrado como resolvido, mas ninguém veio trocar o cabo. É a segunda vez que isso acontece. Gostaria que o chamado fosse reaberto.",
            type: "complaint", priority: "normal", category: "service-quality", tags: ["reopened", "monitor"],
            agentReply: "Você tem toda a razão, e pedimos desculpas. O chamado foi encerrado por engano durante uma limpeza da fila. Já o reabrimos e o técnico passa na sua mesa amanhã às 10h com um cabo DisplayPort novo.",
            requesterFollowUp: nil,
            internalNote: "Revisar a regra de encerramento automático: ela está fechando chamados em “aguardando peça” depois de 5 dias."
        ),
        DemoTicketSeed(
            department: .it, language: "pt-BR",
            subject: "Licença do Figma para estagiária de marketing",
            body: "Precisamos de uma licença de editor do Figma para a nova estagiária de marketing, Bianca Cardoso. Ela vai ajudar com os banners da Black Friday.",
            type: "task", priority: "low", category: "access", tags: ["license", "figma", "access-request"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .it, language: "pt-BR",
            subject: "Excel trava ao filtrar planilha de fechamento",
            body: "A planilha de fechamento mensal (uns 80 MB, cheia de PROCV) trava o Excel toda vez que tento filtrar. Já aconteceu com outras duas pessoas do time.",
            type: "problem", priority: "normal", category: "software", tags: ["excel", "performance", "office"],
            agentReply: "Pela descrição, o problema é o recálculo automático com muitas referências. Como teste, mude o cálculo para Manual (Fórmulas > Opções de Cálculo) antes de filtrar. Também vamos verificar se o Office de vocês é a versão de 64 bits.",
            requesterFollowUp: "Com o cálculo manual ficou bem melhor, mas o meu Office é de 32 bits mesmo. Dá para trocar?",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .it, language: "pt-BR",
            subject: "Ramais do atendimento sem áudio de entrada",
            body: "Os ramais 4010 a 4025 do atendimento conseguem ligar, mas não ouvem o cliente. Começou depois da queda de energia de hoje de manhã.",
            type: "incident", priority: "high", category: "telephony", tags: ["telephony", "voip", "contact-center"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: "Provavelmente o SBC reiniciou com a configuração antiga de NAT. Restaurar o backup de ontem."
        ),
        DemoTicketSeed(
            department: .it, language: "pt-PT",
            subject: "Ecrã externo não é detetado",
            body: "Desde ontem o meu portátil não deteta o ecrã externo ligado à dock no escritório de Lisboa. Já experimentei outro cabo HDMI e outra dock, sem sucesso. O portátil é um HP EliteBook 840 G9.",
            type: "incident", priority: "normal", category: "hardware", tags: ["monitor", "docking-station", "lisbon-office"],
            agentReply: "Bom dia! Experimente atualizar o controlador gráfico da Intel através do HP Support Assistant e reiniciar com a dock ligada. Se continuar, o problema pode ser a porta USB-C e, nesse caso, trocamos o equipamento.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .it, language: "pt-PT",
            subject: "Configurar o e-mail no telemóvel da empresa",
            body: "Recebi um telemóvel novo da empresa (Samsung Galaxy A54) e não consigo configurar o e-mail. A aplicação do Outlook pede um registo no Intune que não percebo. Podem ajudar?",
            type: "question", priority: "low", category: "mobile", tags: ["mobile", "intune", "email"],
            agentReply: "Claro! Primeiro instale a aplicação Portal da Empresa a partir da Play Store e inicie sessão com o seu e-mail da Acme. Depois de concluído o registo, o Outlook fica configurado automaticamente. Enviámos um guia com imagens para o seu e-mail.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .it, language: "en",
            subject: "Clicked a link in a suspicious email",
            body: "I got an email that looked like a DocuSign request from our bank and clicked the link before realising it was fake. I entered my Acme password on the page. What should I do?",
            type: "incident", priority: "urgent", category: "security", tags: ["phishing", "security", "password-reset"],
            agentReply: "Thanks for reporting this straight away. We've reset your password, revoked all active sessions and blocked the sender's domain. You'll receive a temporary password by SMS. Please don't open any other link from that email.",
            requesterFollowUp: "Got the SMS and I'm logged back in. Sorry about that!",
            internalNote: "Sign-in logs show one attempt from an unfamiliar IP 4 minutes after the click, blocked by MFA. No inbox rules were created. Phishing domain added to the tenant block list."
        ),
        DemoTicketSeed(
            department: .it, language: "en",
            subject: "Licence for Adobe Acrobat Pro",
            body: "I need to edit and sign PDF contracts from our US partners. Do we have any Acrobat Pro licences available, or should I use something else?",
            type: "question", priority: "normal", category: "software", tags: ["license", "adobe-acrobat"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .it, language: "en",
            subject: "Can't log into Salesforce since the SSO change",
            body: "Since Monday I get “SAML response not valid” when I open Salesforce from the Acme portal. My colleagues in Recife have the same issue, but people in São Paulo seem fine.",
            type: "problem", priority: "high", category: "sso", tags: ["sso", "salesforce", "saml"],
            agentReply: "We're on it. The affected users are still mapped to the old identity provider configuration, so we'll update the profiles in batches today. We'll let you know as soon as yours is done.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .it, language: "en",
            subject: "Request for a second monitor",
            body: "Could I get a second monitor for my desk (4th floor, desk 4B-17)? I work with large spreadsheets and the laptop screen alone is really limiting.",
            type: "task", priority: "normal", category: "hardware", tags: ["monitor", "equipment-request"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .it, language: "en",
            subject: "Offboarding: contractor laptop return",
            body: "Our contractor's engagement ends on Friday. Please disable his accounts at 6 pm on Friday and arrange for him to return the laptop (asset AC-03310) and his YubiKey.",
            type: "task", priority: "low", category: "offboarding", tags: ["offboarding", "contractor", "asset-return"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: "Check with HR whether the contract was extended: there was an email about a two-month extension."
        ),
        DemoTicketSeed(
            department: .it, language: "en",
            subject: "Guest Wi-Fi for visiting auditors",
            body: "We have three external auditors on site from Tuesday to Thursday. Can we get guest Wi-Fi access for them that lasts the whole week?",
            type: "question", priority: "normal", category: "wifi", tags: ["wifi", "guest-access"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),

        // MARK: HR
        DemoTicketSeed(
            department: .hr, language: "pt-BR",
            subject: "Desconto do vale-transporte maior no holerite",
            body: "No meu holerite deste mês, o desconto do vale-transporte veio de R$ 187,40, sendo que no mês passado foi de R$ 142,00. Meu salário não mudou. Poderiam verificar?",
            type: "question", priority: "normal", category: "payroll", tags: ["payroll", "transport-voucher"],
            agentReply: "Olá! O desconto do vale-transporte é limitado a 6% do salário-base, mas neste mês ele foi calculado sobre o salário somado às horas extras, o que está incorreto. Vamos ajustar e a diferença de R$ 45,40 será devolvida na próxima folha.",
            requesterFollowUp: "Ótimo, obrigado pela explicação.",
            internalNote: "Erro na rubrica 0415 depois da atualização do sistema de folha. Verificar se outros colaboradores com hora extra foram afetados."
        ),
        DemoTicketSeed(
            department: .hr, language: "pt-BR",
            subject: "Posso dividir minhas férias em três períodos?",
            body: "Queria tirar 14 dias em julho, 10 em outubro e 6 em dezembro. Isso é permitido? Como faço a solicitação?",
            type: "question", priority: "low", category: "vacation", tags: ["vacation", "clt"],
            agentReply: "Pode, sim! Pela CLT, as férias podem ser divididas em até três períodos, desde que um deles tenha pelo menos 14 dias e os outros, pelo menos 5 dias cada. A solicitação é feita no portal do RH > Férias, com 30 dias de antecedência e aprovação do seu gestor.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .hr, language: "pt-BR",
            subject: "Inclusão de dependente no plano de saúde",
            body: "Minha filha nasceu no dia 12 e gostaria de incluí-la no plano de saúde e no odontológico. Já tenho a certidão de nascimento. Quais documentos preciso enviar?",
            type: "task", priority: "normal", category: "benefits", tags: ["health-plan", "dependents"],
            agentReply: "Parabéns pela chegada da sua filha! Envie a certidão de nascimento e o CPF dela pelo portal do RH > Benefícios > Dependentes. Para entrar no plano de saúde sem carência, a inclusão precisa ser feita em até 30 dias do nascimento.",
            requesterFollowUp: "Enviei a certidão hoje. O CPF ainda está saindo, mando assim que tiver.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .hr, language: "pt-BR",
            subject: "Salário não caiu na conta",
            body: "Hoje é dia 5 e meu salário ainda não foi depositado. Todo mundo do meu time já recebeu. Troquei de banco no mês passado e atualizei os dados no portal.",
            type: "incident", priority: "high", category: "payroll", tags: ["payroll", "bank-details"],
            agentReply: "Verificamos: o crédito foi rejeitado pelo banco porque a conta foi cadastrada sem o dígito verificador. Já corrigimos e faremos um pagamento avulso via PIX ainda hoje, até as 16h.",
            requesterFollowUp: "Recebi agora, obrigada!",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .hr, language: "pt-BR",
            subject: "Comentários ofensivos em reunião de equipe",
            body: "Na reunião de segunda-feira, um colega fez comentários depreciativos sobre a idade de uma integrante do time, na frente de todos. Não é a primeira vez. Gostaria que isso fosse tratado de forma confidencial.",
            type: "complaint", priority: "high", category: "workplace-conduct", tags: ["conduct", "confidential"],
            agentReply: "Obrigado por confiar no RH para relatar isso. Seu relato será tratado com total confidencialidade. Uma pessoa da equipe de relações trabalhistas vai entrar em contato ainda esta semana para agendar uma conversa reservada.",
            requesterFollowUp: nil,
            internalNote: "Encaminhado ao Compliance conforme a política de conduta. Não registrar mais detalhes neste chamado."
        ),
        DemoTicketSeed(
            department: .hr, language: "pt-BR",
            subject: "Banco de horas aparece zerado no sistema de ponto",
            body: "Desde a troca do relógio de ponto, meu banco de horas aparece zerado, mas eu tinha 22 horas positivas. Outras pessoas da logística relataram a mesma coisa.",
            type: "problem", priority: "normal", category: "timekeeping", tags: ["time-bank", "timekeeping", "migration"],
            agentReply: "Estamos cientes. A migração para o novo sistema de ponto não importou os saldos anteriores a 1º de janeiro. O fornecedor está reprocessando os dados e os saldos devem aparecer até sexta-feira.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .hr, language: "pt-BR",
            subject: "Declaração de vínculo para financiamento",
            body: "Preciso de uma declaração de vínculo empregatício com salário para dar entrada em um financiamento imobiliário. O banco pede que seja assinada e carimbada.",
            type: "task", priority: "low", category: "documents", tags: ["employment-letter", "documents"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .hr, language: "pt-BR",
            subject: "Vale-refeição não foi creditado",
            body: "O crédito do vale-refeição deste mês não apareceu no meu cartão. No aplicativo consta só o saldo de R$ 12,30 que sobrou do mês passado.",
            type: "incident", priority: "normal", category: "benefits", tags: ["meal-voucher", "benefits"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .hr, language: "pt-BR",
            subject: "Reembolso de curso de inglês",
            body: "A empresa tem algum programa de reembolso para curso de idiomas? Encontrei um curso de inglês de R$ 390 por mês.",
            type: "question", priority: "low", category: "training", tags: ["training", "education-allowance"],
            agentReply: "Temos, sim! O programa Acme Aprende reembolsa até 50% de cursos de idiomas, limitado a R$ 300 por mês, para quem tem pelo menos 6 meses de empresa. Basta enviar a proposta pelo portal do RH > Desenvolvimento para aprovação do gestor antes da matrícula.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .hr, language: "pt-BR",
            subject: "Abertura de vaga: analista de logística pleno",
            body: "Preciso abrir uma vaga de analista de logística pleno para o CD de Cajamar, em substituição a um colaborador que pediu demissão. A aprovação do diretor está anexada.",
            type: "task", priority: "normal", category: "recruitment", tags: ["recruitment", "job-opening"],
            agentReply: "Vaga recebida! A publicação no LinkedIn e no nosso portal de carreiras sai amanhã. Vamos agendar 30 minutos com você para alinhar o perfil técnico e as etapas do processo.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .hr, language: "pt-BR",
            subject: "Acidente de trabalho no CD: como abrir a CAT?",
            body: "Um operador de empilhadeira machucou a mão agora há pouco e foi levado ao pronto-socorro. Preciso saber como abrir a CAT e o que fazer com o atestado.",
            type: "incident", priority: "urgent", category: "health-safety", tags: ["workplace-accident", "cat", "esocial"],
            agentReply: "Obrigado por avisar rápido. A CAT precisa ser emitida até o primeiro dia útil seguinte ao acidente; o RH faz a emissão pelo eSocial assim que recebermos o nome completo, o horário do acidente e o relato das testemunhas. A técnica de segurança do trabalho já está indo ao CD.",
            requesterFollowUp: "Já mandei os dados por e-mail. Foi um corte, ele levou pontos, mas está bem.",
            internalNote: "CAT emitida. Agendar a investigação do acidente com a CIPA."
        ),
        DemoTicketSeed(
            department: .hr, language: "pt-BR",
            subject: "Demora da operadora do plano de saúde",
            body: "Estou há três semanas tentando autorizar uma ressonância pela operadora e só recebo respostas automáticas. É um benefício pago pela empresa e o atendimento está péssimo.",
            type: "complaint", priority: "normal", category: "benefits", tags: ["health-plan", "authorization"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: "Terceiro relato neste mês sobre demora de autorização. Levar para a reunião trimestral com a corretora."
        ),
        DemoTicketSeed(
            department: .hr, language: "pt-PT",
            subject: "Subsídio de Natal em duodécimos",
            body: "Gostaria de saber se é possível receber o subsídio de Natal em duodécimos a partir de janeiro, em vez de o receber todo em novembro.",
            type: "question", priority: "normal", category: "payroll", tags: ["payroll", "lisbon-office"],
            agentReply: "Bom dia! Sim, é possível. Basta preencher o formulário de opção por duodécimos no portal de RH até ao dia 15. A alteração aplica-se ao processamento de salários do mês seguinte.",
            requesterFollowUp: "Obrigada, já submeti o formulário.",
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .hr, language: "pt-PT",
            subject: "Atualização do IBAN e do NIF",
            body: "Mudei de banco e preciso de atualizar o IBAN para o processamento de salários. Aproveito para corrigir o meu NIF, que tem dois dígitos trocados na ficha de colaborador.",
            type: "task", priority: "low", category: "employee-data", tags: ["bank-details", "lisbon-office"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .hr, language: "en",
            subject: "Visa support for my transfer to the Lisbon office",
            body: "I've been offered an internal transfer to the Lisbon office starting in September. Does the company help with the work visa and the residence permit?",
            type: "question", priority: "normal", category: "relocation", tags: ["relocation", "visa", "lisbon-office"],
            agentReply: "Congratulations on the move! Yes, the Global Mobility programme covers the visa and residence permit fees and provides a relocation consultant. We'll send you the checklist and introduce you to the consultant this week.",
            requesterFollowUp: "Great, looking forward to it. Do you also help with temporary housing?",
            internalNote: "Mobility budget for this transfer was approved by the CFO on the 14th."
        ),
        DemoTicketSeed(
            department: .hr, language: "en",
            subject: "Performance review form keeps losing my answers",
            body: "I've tried three times to fill in my self-assessment in the HR portal, but when I click Save the page reloads and my answers are gone. The deadline is Friday.",
            type: "problem", priority: "high", category: "hr-portal", tags: ["performance-review", "hr-portal"],
            agentReply: "Sorry about that. It's a known issue: sessions expire after 20 minutes even while you're typing. Please write your answers offline and paste them in, or save every few minutes. We've also extended your deadline to next Wednesday.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .hr, language: "en",
            subject: "Onboarding plan for new hire in Finance",
            body: "We have a new Financial Analyst starting on the 1st. Could HR set up her induction sessions and welcome kit? She'll be working hybrid, three days a week in the office.",
            type: "task", priority: "low", category: "onboarding", tags: ["onboarding", "induction"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .hr, language: "en",
            subject: "Overtime approvals taking too long",
            body: "My overtime from last month still hasn't been approved, so it won't be in this month's payroll. This is the third time this year. Is there a way to escalate when managers don't approve on time?",
            type: "complaint", priority: "normal", category: "timekeeping", tags: ["overtime", "approvals", "payroll"],
            agentReply: "We understand the frustration. Overtime that isn't approved by the 25th automatically moves to the following payroll. We've sent your manager a reminder and, from next month, pending approvals will be escalated to the department director after 5 days.",
            requesterFollowUp: nil,
            internalNote: nil
        ),
        DemoTicketSeed(
            department: .hr, language: "en",
            subject: "How long is paternity leave?",
            body: "My partner is due in May. How many days of paternity leave am I entitled to, and is Acme part of the Empresa Cidadã programme?",
            type: "question", priority: "low", category: "leave", tags: ["paternity-leave", "benefits"],
            agentReply: nil,
            requesterFollowUp: nil,
            internalNote: nil
        ),
    ]
}
