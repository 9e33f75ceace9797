import Foundation

/// A department's triage settings: the calendar its SLA and business-hours rules count on, and how it assigns.
public struct DepartmentAutomation: Sendable, Hashable, Codable {
    public let departmentID: Department.ID
    public var calendarID: BusinessCalendar.ID?
    public var assignment: AssignmentStrategy

    enum CodingKeys: String, CodingKey {
        case assignment
        case departmentID = "departmentId"
        case calendarID = "calendarId"
    }

    public init(departmentID: Department.ID, calendarID: BusinessCalendar.ID? = nil, assignment: AssignmentStrategy = .manual) {
        self.departmentID = departmentID
        self.calendarID = calendarID
        self.assignment = assignment
    }
}

/// Everything an admin configures for triage and automation, read as one snapshot so a change is evaluated against
/// one consistent set of rules.
public struct AutomationSettings: Sendable, Hashable {
    public var matrix: PriorityMatrix
    public var calendars: [BusinessCalendar]
    public var policies: [SLAPolicy]
    public var rules: [Rule]
    public var macros: [Macro]
    public var departments: [DepartmentAutomation]

    public init(
        matrix: PriorityMatrix = .standard, calendars: [BusinessCalendar] = [], policies: [SLAPolicy] = [],
        rules: [Rule] = [], macros: [Macro] = [], departments: [DepartmentAutomation] = []
    ) {
        self.matrix = matrix
        self.calendars = calendars
        self.policies = policies
        self.rules = rules
        self.macros = macros
        self.departments = departments
    }

    public func rules(_ kind: RuleKind) -> [Rule] { rules.filter { $0.kind == kind && $0.isActive } }

    public func calendar(_ id: BusinessCalendar.ID?) -> BusinessCalendar? {
        id.flatMap { id in calendars.first { $0.id == id } }
    }

    public func department(_ id: Department.ID?) -> DepartmentAutomation? {
        id.flatMap { id in departments.first { $0.departmentID == id } }
    }

    /// The department's calendar, else the first calendar, for business-hours conditions.
    public func calendar(forDepartment id: Department.ID?) -> BusinessCalendar? {
        calendar(department(id)?.calendarID) ?? calendars.first
    }
}

/// One thing an admin saves; the store keeps each as a JSON document.
public enum AutomationDocument: Sendable, Hashable {
    case matrix(PriorityMatrix)
    case calendar(BusinessCalendar)
    case policy(SLAPolicy)
    case rule(Rule)
    case macro(Macro)
    case department(DepartmentAutomation)
}

/// Which kind of document to delete.
public enum AutomationDocumentKind: String, Sendable, Hashable, CaseIterable {
    case matrix, calendar, policy, rule, macro, department
}
