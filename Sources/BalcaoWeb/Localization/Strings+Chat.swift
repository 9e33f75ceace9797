import Foundation

/// Live chat on the agent's side.
extension Strings {
    static let chat: [String: (String, String, String)] = [
        "live_chat": ("Live chat", "Chat ao vivo", "Chat em direto"),
        "chat_waiting": ("waiting", "aguardando", "a aguardar"),
        "chat_active": ("active", "em andamento", "em curso"),
        "chat_ended": ("ended", "encerrado", "terminado"),
        "chat_visitor_here": ("The visitor is in the chat: your replies reach them at once.", "O visitante está no chat: suas respostas chegam na hora.", "O visitante está no chat: as suas respostas chegam de imediato."),
        "chat_visitor_away": ("The visitor has left the chat: your replies go by email.", "O visitante saiu do chat: suas respostas vão por e-mail.", "O visitante saiu do chat: as suas respostas seguem por e-mail."),
        "end_chat": ("End chat", "Encerrar chat", "Terminar chat"),
        "chat_waiting_for": ("waiting %@", "aguardando há %@", "à espera há %@"),
        "chat_admin_hint": ("Turn a department's chat on, list the sites that may embed it, and paste its line into those sites' pages.", "Ative o chat de um departamento, informe os sites que podem incorporá-lo e cole a linha nas páginas desses sites.", "Ative o chat de um departamento, indique os sites que o podem incorporar e cole a linha nas páginas desses sites."),
        "chat_enabled": ("Takes chats", "Recebe chats", "Recebe chats"),
        "chat_origins": ("Sites that may embed it (one origin per line)", "Sites que podem incorporá-lo (uma origem por linha)", "Sites que o podem incorporar (uma origem por linha)"),
        "chat_greeting": ("Greeting", "Saudação", "Saudação"),
        "chat_snippet": ("Paste into the site's pages", "Cole nas páginas do site", "Cole nas páginas do site"),
        "ev_chat_ended": ("ended the chat", "encerrou o chat", "terminou o chat"),
        "chat_ended_by_visitor": ("visitor", "visitante", "visitante"),
        "chat_ended_by_agent": ("agent", "agente", "agente"),
        "accept_chat": ("Accept chat", "Aceitar chat", "Aceitar chat"),
        "chat_handled_by": ("Answered by %@", "Atendido por %@", "Atendido por %@"),
        "chat_load": ("Your open chats: %@", "Seus chats abertos: %@", "Os seus chats abertos: %@"),
        "transfer_chat": ("Transfer", "Transferir", "Transferir"),
        "transfer_to_agent": ("To an agent", "Para um agente", "Para um agente"),
        "transfer_to_department": ("Or to a department", "Ou para um departamento", "Ou para um departamento"),
        "transfer_reason": ("Reason (for the history)", "Motivo (para o histórico)", "Motivo (para o histórico)"),
        "choose": ("— choose —", "— escolha —", "— escolha —"),
        "ev_chat_accepted": ("accepted the chat", "aceitou o chat", "aceitou o chat"),
        "ev_chat_transferred": ("transferred the chat", "transferiu o chat", "transferiu o chat"),
        "chat_limits": ("Simultaneous chats per agent", "Chats simultâneos por agente", "Chats simultâneos por agente"),
        "chat_limits_hint": ("An agent cannot accept (or be handed) more open chats than this. Leave empty for the default.", "Um agente não pode aceitar (nem receber) mais chats abertos do que isto. Deixe vazio para o padrão.", "Um agente não pode aceitar (nem receber) mais chats abertos do que isto. Deixe vazio para o predefinido."),
        "chat_limit_default": ("default: %@", "padrão: %@", "predefinido: %@"),
        "ev_satisfaction": ("rated the service", "avaliou o atendimento", "avaliou o atendimento"),
        "satisfaction_good": ("good", "bom", "bom"),
        "satisfaction_bad": ("bad", "ruim", "mau"),
    ]
}
