import BalcaoCore
import Foundation

/// Complaint types and recurrence.
extension Strings {
    static let quality: [String: (String, String, String)] = [
        "complaint_type": ("Complaint type", "Tipo de reclamação", "Tipo de reclamação"),
        "not_classified": ("Not classified yet.", "Ainda não classificado.", "Ainda não classificado."),
        "suggested_types": ("Suggested from the request's words:", "Sugerido pelas palavras da solicitação:", "Sugerido pelas palavras do pedido:"),
        "classify": ("Classify", "Classificar", "Classificar"),
        "recurrence": ("Recurrence", "Recorrência", "Recorrência"),
        // %1 ordinal, %2 the type, %3 days
        "recurrence_headline": ("%1 time this customer reports “%2” in the last %3 days", "%1 vez que este cliente relata “%2” nos últimos %3 dias", "%1 vez que este cliente reporta “%2” nos últimos %3 dias"),
        "recurrence_window": ("Last %1 days: this customer %2 · organization %3 · everyone %4", "Últimos %1 dias: este cliente %2 · organização %3 · todos %4", "Últimos %1 dias: este cliente %2 · organização %3 · todos %4"),
        "recurrence_badge": ("%1 time in %2 days", "%1 vez em %2 dias", "%1 vez em %2 dias"),
        "quality_admin": ("Complaint types", "Tipos de reclamação", "Tipos de reclamação"),
        "quality_admin_hint": ("The tree agents classify tickets with. A key never changes once tickets use it; labels may. Keywords (comma-separated) suggest the type when a request says them.", "A árvore com que os agentes classificam os chamados. A chave não muda depois de usada; o rótulo pode. Palavras-chave (separadas por vírgula) sugerem o tipo quando a solicitação as menciona.", "A árvore com que os agentes classificam os pedidos. A chave não muda depois de usada; o rótulo pode. Palavras-chave (separadas por vírgula) sugerem o tipo quando o pedido as menciona."),
        "key": ("Key", "Chave", "Chave"),
        "label": ("Label", "Rótulo", "Rótulo"),
        "parent": ("Under", "Dentro de", "Dentro de"),
        "keywords": ("Keywords", "Palavras-chave", "Palavras-chave"),
        "remove": ("Remove", "Remover", "Remover"),
        "recurrence_windows": ("Recurrence windows (days)", "Janelas de recorrência (dias)", "Janelas de recorrência (dias)"),
        "top_level": ("— top level —", "— raiz —", "— raiz —"),
        "problems": ("Problems", "Problemas", "Problemas"),
        "all": ("All", "Todos", "Todos"),
        "reports": ("Reports", "Relatórios", "Relatórios"),
        "report_from": ("From", "De", "De"),
        "report_to": ("To", "Até", "Até"),
        "report_per_day": ("Tickets per day", "Chamados por dia", "Pedidos por dia"),
        "report_by_department": ("By department", "Por departamento", "Por departamento"),
        "report_by_channel": ("By channel", "Por canal", "Por canal"),
        "report_by_category": ("By complaint type", "Por tipo de reclamação", "Por tipo de reclamação"),
        "digest_recipients": ("Weekly digest to (emails, Mondays 08:00)", "Resumo semanal para (e-mails, segundas às 8h)", "Resumo semanal para (e-mails, segundas às 8h)"),
        "quality_report": ("Quality report", "Relatório de qualidade", "Relatório de qualidade"),
        "period": ("Period", "Período", "Período"),
        "last_days": ("Last %@ days", "Últimos %@ dias", "Últimos %@ dias"),
        "no_classified_tickets": ("No classified tickets in this period.", "Nenhum chamado classificado neste período.", "Nenhum pedido classificado neste período."),
        "tickets_in_period": ("Tickets", "Chamados", "Pedidos"),
        "previous_period": ("Period before", "Período anterior", "Período anterior"),
        "trend": ("Trend", "Tendência", "Tendência"),
        "trend_up": ("up", "em alta", "a subir"),
        "trend_down": ("down", "em queda", "a descer"),
        "trend_flat": ("steady", "estável", "estável"),
        "trend_new": ("new", "novo", "novo"),
        "repeat_customers": ("Customers reporting it again", "Clientes que voltaram a relatar", "Clientes que voltaram a reportar"),
        "top_organizations": ("Organizations reporting it most", "Organizações que mais relatam", "Organizações que mais reportam"),
        "spike_alerts": ("Demand alerts", "Alertas de demanda", "Alertas de procura"),
        "spike_alerts_hint": ("Raised when tickets arrive well above the usual for that hour of the week (learned from the last 8 weeks); each closes itself once volume is back to normal.", "Disparados quando chegam muito mais chamados do que o normal para aquela hora da semana (aprendido nas últimas 8 semanas); cada um se encerra quando o volume volta ao normal.", "Disparados quando chegam muito mais pedidos do que o normal para aquela hora da semana (aprendido nas últimas 8 semanas); cada um termina quando o volume volta ao normal."),
        "no_spike_alerts": ("No alerts yet.", "Nenhum alerta até agora.", "Nenhum alerta até agora."),
        "spike_series": ("Where", "Onde", "Onde"),
        "spike_opened": ("Opened", "Aberto em", "Aberto em"),
        "spike_closed": ("Closed", "Encerrado em", "Terminado em"),
        "spike_observed": ("Arrived in the hour", "Chegaram na hora", "Chegaram na hora"),
        "spike_expected": ("Usual", "Normal", "Normal"),
        "spike_peak": ("Peak", "Pico", "Pico"),
        "spike_examples": ("Examples", "Exemplos", "Exemplos"),
        "spike_open": ("open", "aberto", "aberto"),
        "spike_over": ("over", "encerrado", "terminado"),
        "incident_history": ("Incident history", "Histórico de ocorrências", "Histórico de ocorrências"),
        "history_types": ("Complaint types reported", "Tipos de reclamação relatados", "Tipos de reclamação reportados"),
        "history_timeline": ("All tickets, newest first", "Todos os chamados, do mais recente", "Todos os pedidos, do mais recente"),
        "history_truncated": ("Only the newest 1,000 tickets are shown.", "Só os 1.000 chamados mais recentes aparecem.", "Só os 1000 pedidos mais recentes aparecem."),
        "history_count": ("Times", "Vezes", "Vezes"),
        "history_first": ("First", "Primeira", "Primeira"),
        "history_last": ("Last", "Última", "Última"),
        "occurrence": ("%@ time", "%@ vez", "%@ vez"),
        "no_tickets_yet": ("No tickets yet.", "Nenhum chamado ainda.", "Nenhum pedido ainda."),
        "field_problem": ("Problem", "Problema", "Problema"),
        "new_problem": ("Record a problem", "Registrar problema", "Registar problema"),
        "new_problem_from_ticket": ("Record a problem from this ticket", "Registrar um problema a partir deste chamado", "Registar um problema a partir deste pedido"),
        "no_problems": ("No problems recorded.", "Nenhum problema registrado.", "Nenhum problema registado."),
        "problem_title": ("Title", "Título", "Título"),
        "problem_investigating": ("investigating", "em investigação", "em investigação"),
        "problem_known_error": ("known error", "erro conhecido", "erro conhecido"),
        "problem_solved": ("solved", "resolvido", "resolvido"),
        "root_cause": ("Root cause", "Causa raiz", "Causa raiz"),
        "workaround": ("Workaround", "Solução de contorno", "Solução alternativa"),
        "linked_tickets": ("Linked tickets", "Chamados vinculados", "Pedidos associados"),
        "no_linked_tickets": ("No tickets linked yet: link them from each ticket's page.", "Nenhum chamado vinculado: vincule na página de cada chamado.", "Nenhum pedido associado: associe na página de cada pedido."),
        "unlink": ("Unlink", "Desvincular", "Desassociar"),
        "link_problem": ("Link to a problem", "Vincular a um problema", "Associar a um problema"),
        "link": ("Link", "Vincular", "Associar"),
        "solve_problem": ("Solve the problem", "Resolver o problema", "Resolver o problema"),
        "solve_problem_hint": ("Each linked ticket not yet solved gets this message as your public reply and is solved.", "Cada chamado vinculado ainda não resolvido recebe esta mensagem como sua resposta pública e é resolvido.", "Cada pedido associado ainda não resolvido recebe esta mensagem como a sua resposta pública e é resolvido."),
        "problem_resolution": ("Resolution sent to the requesters", "Resolução enviada aos solicitantes", "Resolução enviada aos requerentes"),
        "problem_from_ticket": ("Recorded from ticket", "Registrado a partir do chamado", "Registado a partir do pedido"),
    ]
}

extension Localizer {
    /// "3rd" / "3ª".
    func ordinal(_ number: Int) -> String {
        guard language == .english else { return "\(number)ª" }
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }

    /// A text with `%1`, `%2`… replaced in order.
    func format(_ key: String, _ arguments: [String]) -> String {
        arguments.enumerated().reversed().reduce(self[key]) { text, item in
            text.replacingOccurrences(of: "%\(item.offset + 1)", with: item.element)
        }
    }
}
