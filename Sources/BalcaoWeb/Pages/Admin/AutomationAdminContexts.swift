import Foundation

/// What the automation admin pages print; templates only lay it out.
struct AutomationOverviewContext: Encodable {
    struct MatrixCell: Encodable {
        let name: String
        let options: [SelectOption]
    }

    struct MatrixRow: Encodable {
        let label: String
        let cells: [MatrixCell]
    }

    struct DepartmentRow: Encodable {
        let id: String
        let name: String
        let calendars: [SelectOption]
        let assignments: [SelectOption]
    }

    struct Item: Encodable {
        let id: String
        let name: String
        let detail: String
        let isActive: Bool
    }

    struct RuleGroup: Encodable {
        let kind: String
        let label: String
        let items: [Item]
    }

    let layout: LayoutContext
    let error: String?
    let matrix: [MatrixRow]
    let urgencyLabels: [String]
    let departments: [DepartmentRow]
    let calendars: [Item]
    let policies: [Item]
    let rules: [RuleGroup]
    let macros: [Item]
}

struct CalendarPageContext: Encodable {
    struct Day: Encodable {
        let key: String
        let label: String
        let value: String
    }

    let layout: LayoutContext
    let error: String?
    let action: String
    let form: [String: String]
    let days: [Day]
    let year: String
}

/// A checkbox of a group posted as one name per choice.
struct CheckOption: Encodable {
    let name: String
    let label: String
    let checked: Bool
}

struct PolicyPageContext: Encodable {
    struct TargetCell: Encodable {
        let name: String
        let value: String
    }

    struct TargetRow: Encodable {
        let label: String
        let cells: [TargetCell]
    }

    let layout: LayoutContext
    let error: String?
    let action: String
    let form: [String: String]
    let calendars: [SelectOption]
    let departments: [CheckOption]
    let priorities: [CheckOption]
    let types: [CheckOption]
    let metrics: [String]
    let targets: [TargetRow]
}

struct ConditionRow: Encodable {
    let prefix: String
    let index: Int
    let fields: [SelectOption]
    let operators: [SelectOption]
    let value: String
}

struct ActionRow: Encodable {
    let index: Int
    let types: [SelectOption]
    let value: String
    let field: String
    let recipient: String
    let subject: String
    let body: String
    /// Where a notify action delivers (ignored by other actions).
    let channels: [SelectOption]
}

/// A department or agent and the id rules name it by.
struct Reference: Encodable {
    let kind: String
    let name: String
    let id: String
}

struct RulePageContext: Encodable {
    struct PreviewTicket: Encodable {
        let number: Int
        let subject: String
        let url: String
    }

    struct Preview: Encodable {
        let summary: String
        let tickets: [PreviewTicket]
    }

    let layout: LayoutContext
    let error: String?
    let action: String
    let form: [String: String]
    let kinds: [SelectOption]
    let all: [ConditionRow]
    let any: [ConditionRow]
    let actions: [ActionRow]
    let references: [Reference]
    let placeholders: [String]
    let preview: Preview?
}

struct MacroPageContext: Encodable {
    let layout: LayoutContext
    let error: String?
    let action: String
    let form: [String: String]
    let departments: [CheckOption]
    let kinds: [SelectOption]
    let actions: [ActionRow]
    let references: [Reference]
    let placeholders: [String]
}
