import BalcaoCore
import Foundation

extension TicketPageBuilder {
    /// The complaint panel: the ticket's type, types its words suggest (one click classifies), and how often the
    /// requester, their organization and everyone reported it before. Nil while the desk has no taxonomy.
    func complaintPanel(_ ticket: Ticket, taxonomy: ComplaintTaxonomy) async throws -> TicketPageContext.ComplaintPanel? {
        guard !taxonomy.isEmpty else { return nil }
        let label = taxonomy.label(of: ticket.category)
        let suggestions = try await services.quality.suggestions(for: ticket, in: taxonomy)
            .filter { $0.key != ticket.category }
        let counts = try await services.quality.recurrence(of: ticket, in: taxonomy)
        let headlineDays = RecurrenceCounter.headlineWindow(taxonomy.recurrenceWindows)
        let headline = counts.first { $0.days == headlineDays && $0.requester > 0 }.map {
            l.format("recurrence_headline", [l.ordinal($0.requesterOrdinal), label ?? "", "\($0.days)"])
        }
        return .init(
            current: label, headline: headline,
            windows: counts.map {
                l.format("recurrence_window", ["\($0.days)", "\($0.requester)", $0.organization.map(String.init) ?? "—", "\($0.overall)"])
            },
            suggestions: suggestions.map {
                .init(key: $0.key, label: taxonomy.label(of: $0.key) ?? $0.key, matched: $0.matched.joined(separator: ", "))
            },
            canClassify: ticket.status != .closed)
    }

    /// The ticket's problem record, and the open ones (same complaint type first) to link it to.
    func problemPanel(_ ticket: Ticket) async throws -> TicketPageContext.ProblemPanel {
        let linked = try await services.problems.problem(of: ticket.id)
        let open = try await services.problems.problems().filter { $0.status != .solved && $0.id != linked?.id }
            .sorted { ($0.category == ticket.category ? 0 : 1, $1.createdAt) < ($1.category == ticket.category ? 0 : 1, $0.createdAt) }
        return .init(
            linkedID: linked?.id.description, linkedTitle: linked?.title,
            linkedStatus: linked.map { l["problem_\($0.status.rawValue)"] },
            options: open.map { SelectOption(value: $0.id.description, label: $0.title) },
            canChange: ticket.status != .closed && linked?.status != .solved)
    }

    /// The category picker of the properties form: the taxonomy's types (and the current value if it is not one);
    /// empty while the desk has no taxonomy, which keeps the free-text field.
    func categoryOptions(_ ticket: Ticket, taxonomy: ComplaintTaxonomy) -> [SelectOption] {
        guard !taxonomy.isEmpty else { return [] }
        var options = [SelectOption(value: "", label: "—", selected: ticket.category == nil)]
        options += taxonomy.outline.map { node, depth in
            SelectOption(
                value: node.key, label: String(repeating: "  ", count: depth) + node.label,
                selected: node.key == ticket.category)
        }
        if let category = ticket.category, taxonomy.node(category) == nil {
            options.append(SelectOption(value: category, label: category, selected: true))
        }
        return options
    }
}
