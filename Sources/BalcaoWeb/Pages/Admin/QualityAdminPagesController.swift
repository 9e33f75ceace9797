import BalcaoCore
import Vapor

/// `/agent/admin/quality`: the complaint taxonomy as a table — key, label, parent, keywords — with empty rows to
/// add types, and the recurrence windows. Admins only (`QualityService.save` checks it).
struct QualityAdminPagesController: RouteCollection {
    let services: BalcaoServices
    /// Empty rows offered for new types on each visit.
    static let blankRows = 5

    func boot(routes: any RoutesBuilder) throws {
        let quality = routes.grouped("admin", "quality")
        quality.get(use: show)
        quality.post(use: save)
    }

    struct Row: Encodable {
        let index: Int
        let key: String
        let label: String
        let parent: String
        let keywords: String
        let depth: Int
    }

    struct Context: Encodable {
        let layout: LayoutContext
        let rows: [Row]
        let parents: [SelectOption]
        let windows: String
        let digest: String
        let error: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        try DirectoryService.requireAdmin(try req.session.agent)
        return try await render(req, try await services.quality.taxonomy(), error: nil)
    }

    /// Rows `key_<i>`, `label_<i>`, `parent_<i>`, `keywords_<i>`, `remove_<i>`; a row without key and label is
    /// skipped (an unused blank row).
    @Sendable func save(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        let indices = Set(form.keys.compactMap { name in name.split(separator: "_").last.flatMap { Int($0) } }).sorted()
        var nodes: [ComplaintTaxonomy.Node] = []
        for index in indices where form["remove_\(index)"] != "on" {
            let key = (form["key_\(index)"] ?? "").trimmingCharacters(in: .whitespaces)
            let label = form["label_\(index)"] ?? ""
            if key.isEmpty && label.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            nodes.append(
                .init(
                    key: key, label: label, parentKey: form["parent_\(index)"],
                    keywords: (form["keywords_\(index)"] ?? "").split(separator: ",").map(String.init)))
        }
        let windows = (form["windows"] ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).compactMap { Int($0) }
        let recipients = (form["digest"] ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        let taxonomy = ComplaintTaxonomy(nodes: nodes, recurrenceWindows: windows, digestRecipients: recipients)
        do {
            try await services.quality.save(taxonomy, by: try req.session.agent)
            return req.redirect(to: "/agent/admin/quality?flash=saved", redirectType: .normal)
        } catch let error where FormError.isUserError(error) {
            return try await render(req, taxonomy, error: FormError.message(error), status: .unprocessableEntity)
        }
    }

    private func render(_ req: Request, _ taxonomy: ComplaintTaxonomy, error: String?, status: HTTPStatus = .ok)
        async throws -> Response
    {
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: try req.session.agent)
        // Tree order for types the tree reaches, then any the form sent that it does not (a bad parent), as typed.
        let ordered = taxonomy.outline
        let placed = Set(ordered.map(\.node.key))
        let all = ordered + taxonomy.nodes.filter { !placed.contains($0.key) }.map { ($0, 0) }
        var rows = all.enumerated().map { index, entry in
            Row(
                index: index, key: entry.node.key, label: entry.node.label, parent: entry.node.parentKey ?? "",
                keywords: entry.node.keywords.joined(separator: ", "), depth: entry.depth)
        }
        rows += (0..<Self.blankRows).map { Row(index: all.count + $0, key: "", label: "", parent: "", keywords: "", depth: 0) }
        return try await req.view.render(
            "agent/admin-quality",
            Context(
                layout: try await frame.layout(for: req, l, title: l["quality_admin"]), rows: rows,
                parents: [SelectOption(value: "", label: l["top_level"])]
                    + ordered.map { SelectOption(value: $0.node.key, label: String(repeating: "  ", count: $0.depth) + $0.node.label) },
                windows: taxonomy.recurrenceWindows.map(String.init).joined(separator: ", "),
                digest: taxonomy.digestRecipients.joined(separator: ", "), error: error)
        ).encodeResponse(status: status, for: req)
    }
}
