import Foundation

extension NotificationTemplate {
    /// The text used for a kind and language until an admin edits it.
    public static func builtIn(_ kind: Kind, _ language: SupportedLanguage) -> NotificationTemplate {
        let (subject, body) = builtInTexts[kind]![language]!
        return NotificationTemplate(kind: kind, language: language, subject: subject, body: body)
    }

    private static let builtInTexts: [Kind: [SupportedLanguage: (String, String)]] = [
        .ticketReceived: [
            .portugueseBrazil: (
                "Recebemos sua solicitação: {{ticket.subject}}",
                """
                Olá, {{requester.name}},

                Recebemos sua solicitação e ela foi registrada com o número {{ticket.number}}. \
                Nossa equipe de {{desk.name}} responderá o mais breve possível.

                Para acrescentar informações, basta responder a este e-mail.

                Equipe {{desk.name}}
                """
            ),
            .portuguesePortugal: (
                "Recebemos o seu pedido: {{ticket.subject}}",
                """
                Olá, {{requester.name}},

                Recebemos o seu pedido e ficou registado com o número {{ticket.number}}. \
                A nossa equipa de {{desk.name}} responderá com a maior brevidade possível.

                Para acrescentar informação, basta responder a este e-mail.

                Equipa {{desk.name}}
                """
            ),
            .english: (
                "We received your request: {{ticket.subject}}",
                """
                Hello {{requester.name}},

                We received your request and logged it as {{ticket.number}}. \
                Our {{desk.name}} team will answer as soon as possible.

                To add details, just reply to this email.

                The {{desk.name}} team
                """
            ),
        ],
        .agentReply: [
            .portugueseBrazil: (
                "Re: {{ticket.subject}}",
                """
                {{reply}}

                {{agent.name}} · {{desk.name}}
                Para responder, basta responder a este e-mail.
                """
            ),
            .portuguesePortugal: (
                "Re: {{ticket.subject}}",
                """
                {{reply}}

                {{agent.name}} · {{desk.name}}
                Para responder, basta responder a este e-mail.
                """
            ),
            .english: (
                "Re: {{ticket.subject}}",
                """
                {{reply}}

                {{agent.name}} · {{desk.name}}
                To answer, just reply to this email.
                """
            ),
        ],
        .ticketSolved: [
            .portugueseBrazil: (
                "Solicitação resolvida: {{ticket.subject}}",
                """
                Olá, {{requester.name}},

                Sua solicitação {{ticket.number}} foi marcada como resolvida por {{agent.name}}.

                Se o problema continuar, é só responder a este e-mail: a solicitação será reaberta e \
                voltará para a nossa equipe.

                Equipe {{desk.name}}
                """
            ),
            .portuguesePortugal: (
                "Pedido resolvido: {{ticket.subject}}",
                """
                Olá, {{requester.name}},

                O seu pedido {{ticket.number}} foi marcado como resolvido por {{agent.name}}.

                Se o problema persistir, basta responder a este e-mail: o pedido será reaberto e \
                regressará à nossa equipa.

                Equipa {{desk.name}}
                """
            ),
            .english: (
                "Request solved: {{ticket.subject}}",
                """
                Hello {{requester.name}},

                Your request {{ticket.number}} was marked as solved by {{agent.name}}.

                If the problem is still there, just reply to this email: the request will be reopened and \
                go back to our team.

                The {{desk.name}} team
                """
            ),
        ],
        .mailTooLarge: [
            .portugueseBrazil: (
                "Não foi possível receber seu e-mail: {{mail.subject}}",
                """
                Olá,

                Seu e-mail "{{mail.subject}}" é maior que o limite de {{limit}} e não pôde ser registrado.
                Envie os anexos grandes por um link de compartilhamento ou em várias mensagens menores.

                Equipe {{desk.name}}
                """
            ),
            .portuguesePortugal: (
                "Não foi possível receber o seu e-mail: {{mail.subject}}",
                """
                Olá,

                O seu e-mail "{{mail.subject}}" excede o limite de {{limit}} e não pôde ser registado.
                Envie os anexos grandes através de uma ligação de partilha ou em várias mensagens mais pequenas.

                Equipa {{desk.name}}
                """
            ),
            .english: (
                "We could not receive your email: {{mail.subject}}",
                """
                Hello,

                Your email "{{mail.subject}}" is larger than the {{limit}} limit and could not be logged.
                Please send large files as a sharing link or in several smaller messages.

                The {{desk.name}} team
                """
            ),
        ],
        .qualityDigest: [
            .portugueseBrazil: (
                "Qualidade: as reclamações da semana",
                """
                Tipos de reclamação dos últimos 7 dias (entre parênteses, a semana anterior):

                {{report}}

                Detalhes e exportação: {{report.url}}
                """
            ),
            .portuguesePortugal: (
                "Qualidade: as reclamações da semana",
                """
                Tipos de reclamação dos últimos 7 dias (entre parênteses, a semana anterior):

                {{report}}

                Detalhes e exportação: {{report.url}}
                """
            ),
            .english: (
                "Quality: this week's complaints",
                """
                Complaint types of the last 7 days (the week before in brackets):

                {{report}}

                Details and export: {{report.url}}
                """
            ),
        ],
        .demandSpike: [
            .portugueseBrazil: (
                "Demanda acima do normal: {{alert.series}}",
                """
                Chegaram {{alert.observed}} chamados na última hora em {{alert.series}}; o normal para este \
                horário é cerca de {{alert.expected}}.

                Exemplos:
                {{alert.examples}}

                Acompanhe em {{alert.url}}
                """
            ),
            .portuguesePortugal: (
                "Procura acima do normal: {{alert.series}}",
                """
                Chegaram {{alert.observed}} pedidos na última hora em {{alert.series}}; o normal para esta \
                hora é cerca de {{alert.expected}}.

                Exemplos:
                {{alert.examples}}

                Acompanhe em {{alert.url}}
                """
            ),
            .english: (
                "Demand above normal: {{alert.series}}",
                """
                {{alert.observed}} tickets arrived in the last hour in {{alert.series}}; about {{alert.expected}} \
                is usual for this hour.

                Examples:
                {{alert.examples}}

                Follow it at {{alert.url}}
                """
            ),
        ],
        .mailboxFailing: [
            .portugueseBrazil: (
                "Caixa de e-mail com falha: {{mailbox.address}}",
                """
                A leitura da caixa {{mailbox.address}} falhou {{failures}} vezes seguidas.

                Último erro: {{error}}

                Novos e-mails dessa caixa não estão virando chamados. Verifique o servidor, a senha ou o \
                token em Administração → E-mail.
                """
            ),
            .portuguesePortugal: (
                "Caixa de correio com falha: {{mailbox.address}}",
                """
                A leitura da caixa {{mailbox.address}} falhou {{failures}} vezes seguidas.

                Último erro: {{error}}

                Os novos e-mails desta caixa não estão a tornar-se pedidos. Verifique o servidor, a \
                palavra-passe ou o token em Administração → E-mail.
                """
            ),
            .english: (
                "Mailbox failing: {{mailbox.address}}",
                """
                Polling {{mailbox.address}} failed {{failures}} times in a row.

                Last error: {{error}}

                New mail to this mailbox is not becoming tickets. Check the server, the password or the token \
                under Admin → Email.
                """
            ),
        ],
        .portalSignIn: [
            .portugueseBrazil: (
                "Seu link para entrar em {{desk.name}}",
                """
                Olá, {{requester.name}},

                Use este link para entrar na central de ajuda {{desk.name}}. Ele vale por 30 minutos e \
                funciona uma única vez:

                {{link}}

                Se não foi você que pediu, ignore este e-mail.
                """
            ),
            .portuguesePortugal: (
                "O seu link para entrar em {{desk.name}}",
                """
                Olá, {{requester.name}},

                Use este link para iniciar sessão no centro de ajuda {{desk.name}}. É válido durante 30 \
                minutos e funciona uma única vez:

                {{link}}

                Se não foi você que o pediu, ignore este e-mail.
                """
            ),
            .english: (
                "Your sign-in link for {{desk.name}}",
                """
                Hello {{requester.name}},

                Use this link to sign in to the {{desk.name}} help center. It works once, within 30 minutes:

                {{link}}

                If you did not ask for it, ignore this email.
                """
            ),
        ],
        .portalSignUp: [
            .portugueseBrazil: (
                "Confirme sua conta em {{desk.name}}",
                """
                Olá, {{requester.name}},

                Para concluir seu cadastro na central de ajuda {{desk.name}}, abra este link em até 30 minutos:

                {{link}}

                Se não foi você que se cadastrou, ignore este e-mail.
                """
            ),
            .portuguesePortugal: (
                "Confirme a sua conta em {{desk.name}}",
                """
                Olá, {{requester.name}},

                Para concluir o registo no centro de ajuda {{desk.name}}, abra este link nos próximos 30 minutos:

                {{link}}

                Se não foi você que se registou, ignore este e-mail.
                """
            ),
            .english: (
                "Confirm your {{desk.name}} account",
                """
                Hello {{requester.name}},

                To finish signing up to the {{desk.name}} help center, open this link within 30 minutes:

                {{link}}

                If you did not sign up, ignore this email.
                """
            ),
        ],
        .announcement: [
            .portugueseBrazil: (
                "{{announcement.title}}",
                """
                Olá, {{requester.name}},

                {{announcement.body}}

                Mais informações na central de ajuda: {{portal.url}}

                Equipe {{desk.name}}
                """
            ),
            .portuguesePortugal: (
                "{{announcement.title}}",
                """
                Olá, {{requester.name}},

                {{announcement.body}}

                Mais informação no centro de ajuda: {{portal.url}}

                Equipa {{desk.name}}
                """
            ),
            .english: (
                "{{announcement.title}}",
                """
                Hello {{requester.name}},

                {{announcement.body}}

                More in the help center: {{portal.url}}

                The {{desk.name}} team
                """
            ),
        ],
        .chatTranscript: [
            .portugueseBrazil: (
                "Sua conversa com {{desk.name}} (nº {{ticket.number}})",
                """
                Olá, {{requester.name}},

                Esta é a transcrição da sua conversa:

                {{transcript}}

                Para continuar, responda a este e-mail.
                """
            ),
            .portuguesePortugal: (
                "A sua conversa com {{desk.name}} (n.º {{ticket.number}})",
                """
                Olá, {{requester.name}},

                Esta é a transcrição da sua conversa:

                {{transcript}}

                Para continuar, responda a este e-mail.
                """
            ),
            .english: (
                "Your chat with {{desk.name}} (#{{ticket.number}})",
                """
                Hello {{requester.name}},

                Here is the transcript of your chat:

                {{transcript}}

                To carry on, reply to this email.
                """
            ),
        ],
        // Automation mail carries its rule's own texts; this only answers for a kind that must always have one.
        .automation: [
            .portugueseBrazil: ("{{ticket.subject}}", "{{ticket.subject}} ({{ticket.number}})\n\n{{desk.name}}"),
            .portuguesePortugal: ("{{ticket.subject}}", "{{ticket.subject}} ({{ticket.number}})\n\n{{desk.name}}"),
            .english: ("{{ticket.subject}}", "{{ticket.subject}} ({{ticket.number}})\n\n{{desk.name}}"),
        ],
    ]
}
