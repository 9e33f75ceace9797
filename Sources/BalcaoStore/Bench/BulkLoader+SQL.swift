import BalcaoCore
import FluentKit
import Foundation
import SQLKit

extension BulkLoader {
    func loadDirectory(departments: [Department.ID], agents: [Agent.ID], contacts: [Contact.ID], now: Date) async throws {
        try await context.write { db in
            let sql = db as! any SQLDatabase
            var insert = sql.insert(into: "departments").columns(
                "id", "name", "search_key", "kind", "tier", "custom_fields", "created_at", "updated_at")
            for (index, id) in departments.enumerated() {
                let name = "Desk \(index + 1)"
                insert = insert.values(
                    SQLBind(id.rawValue), SQLBind(name), SQLBind(name.lowercased()),
                    SQLBind(index % 2 == 0 ? "internal" : "external"), SQLBind(1), SQLBind("[]"), SQLBind(now),
                    SQLBind(now))
            }
            try await insert.run()
            var agentInsert = sql.insert(into: "agents").columns(
                "id", "name", "email", "search_key", "role", "is_active", "created_at", "updated_at")
            var links = sql.insert(into: "agent_departments").columns("id", "agent_id", "department_id", "position")
            for (index, id) in agents.enumerated() {
                let email = "agent\(index)@bench.example"
                agentInsert = agentInsert.values(
                    SQLBind(id.rawValue), SQLBind("Agent \(index)"), SQLBind(email), SQLBind("agent \(index) \(email)"),
                    SQLBind(index == 0 ? "admin" : "agent"), SQLBind(true), SQLBind(now), SQLBind(now))
                links = links.values(
                    SQLBind(UUID()), SQLBind(id.rawValue), SQLBind(departments[index % departments.count].rawValue),
                    SQLBind(0))
            }
            try await agentInsert.run()
            try await links.run()
        }
        let names = DemoCatalog.customers + DemoCatalog.employees
        for start in stride(from: 0, to: contacts.count, by: 1000) {
            let slice = contacts[start..<min(start + 1000, contacts.count)]
            try await context.write { db in
                let sql = db as! any SQLDatabase
                var people = sql.insert(into: "contacts").columns(
                    "id", "kind", "name", "search_key", "created_at", "updated_at")
                var emails = sql.insert(into: "contact_emails").columns("email", "contact_id", "position")
                for (offset, id) in slice.enumerated() {
                    let index = start + offset
                    let name = names[index % names.count].name
                    let email = "contact\(index)@bench.example"
                    people = people.values(
                        SQLBind(id.rawValue), SQLBind("customer"), SQLBind(name), SQLBind("\(name) \(email)".lowercased()),
                        SQLBind(now), SQLBind(now))
                    emails = emails.values(SQLBind(email), SQLBind(id.rawValue), SQLBind(0))
                }
                try await people.run()
                try await emails.run()
            }
        }
    }

    /// One batch of tickets with their messages, events and search documents, in one transaction.
    func write(_ rows: [TicketRows]) async throws {
        let isSQLite = context.isSQLite
        try await context.write { db in
            let sql = db as! any SQLDatabase
            var tickets = sql.insert(into: "tickets").columns(
                "id", "number", "subject", "status", "priority", "type", "category", "channel", "requester_id",
                "department_id", "assignee_id", "tags", "custom_fields", "created_at", "updated_at", "version",
                "sla_due_at")
            var messages = sql.insert(into: "messages").columns(
                "uuid", "ticket_id", "kind", "author_type", "author_id", "channel", "text", "html", "created_at")
            var events = sql.insert(into: "ticket_events").columns(
                "uuid", "ticket_id", "actor_type", "actor_id", "at", "field", "new_value")
            var search: [SearchDocument.Text] = []
            for row in rows {
                let texts = row.texts()
                let updated = row.created.addingTimeInterval(Double(texts.count) * 1800)
                tickets = tickets.values(
                    SQLBind(row.id), SQLBind(row.number), SQLBind(row.subject), SQLBind(row.status.rawValue),
                    SQLBind((TicketPriority(rawValue: row.seed.priority) ?? .normal).rank), SQLBind(row.seed.type),
                    SQLBind(row.seed.category), SQLBind("email"), SQLBind(row.requester.rawValue),
                    SQLBind(row.department.rawValue), SQLBind(row.assignee?.rawValue),
                    SQLBind(JSONColumn.encode(row.seed.tags.sorted())), SQLBind("{}"), SQLBind(row.created),
                    SQLBind(updated), SQLBind(1), SQLBind(TicketRecord.noDueDate))
                events = events.values(
                    SQLBind(UUID()), SQLBind(row.id), SQLBind("contact"), SQLBind(row.requester.rawValue),
                    SQLBind(row.created), SQLBind("created"), SQLBind("#\(row.number)"))
                for (index, text) in texts.enumerated() {
                    let byAgent = index % 2 == 1 && row.assignee != nil
                    let message = UUID()
                    let at = row.created.addingTimeInterval(Double(index) * 1800)
                    messages = messages.values(
                        SQLBind(message), SQLBind(row.id), SQLBind("reply"), SQLBind(byAgent ? "agent" : "contact"),
                        SQLBind(byAgent ? row.assignee!.rawValue : row.requester.rawValue), SQLBind("email"),
                        SQLBind(text), SQLBind(HTMLSanitizer.html(fromPlainText: text)), SQLBind(at))
                    events = events.values(
                        SQLBind(UUID()), SQLBind(row.id), SQLBind(byAgent ? "agent" : "contact"),
                        SQLBind(byAgent ? row.assignee!.rawValue : row.requester.rawValue), SQLBind(at),
                        SQLBind("reply"), SQLBind(message.uuidString))
                }
                search.append(SearchDocument.Text(number: row.number, subject: row.subject, messageTexts: texts, people: ""))
            }
            try await tickets.run()
            try await messages.run()
            try await events.run()
            try await SearchDocument.write(search, on: sql, isSQLite: isSQLite)
        }
    }

    /// Counters last: one GROUP BY instead of a counter update per ticket, and the ticket number sequence.
    func finish(lastNumber: Int) async throws {
        try await context.write { db in
            let sql = db as! any SQLDatabase
            try await sql.raw("DELETE FROM queue_counts").run()
            let department: SQLQueryString = context.isSQLite ? "COALESCE(department_id, '-')" : "COALESCE(UPPER(department_id::text), '-')"
            let assignee: SQLQueryString = context.isSQLite ? "COALESCE(assignee_id, '-')" : "COALESCE(UPPER(assignee_id::text), '-')"
            try await sql.raw(
                """
                INSERT INTO queue_counts (department_key, assignee_key, status, count) \
                SELECT \(department), \(assignee), status, COUNT(*) FROM tickets GROUP BY 1, 2, 3
                """
            ).run()
            try await sql.raw("UPDATE counters SET value = \(bind: lastNumber) WHERE name = 'ticket_number'").run()
        }
    }
}
