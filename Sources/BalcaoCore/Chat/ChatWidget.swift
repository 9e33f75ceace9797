import Foundation

/// A department's chat widget: whether it takes chats, which sites may embed it, how it looks, when it is open
/// and what it asks before a chat.
public struct ChatWidget: Sendable, Hashable, Codable {
    public var departmentID: Department.ID
    public var isEnabled: Bool
    /// Origins (`https://loja.example`, `http://127.0.0.1:8081`) whose pages may open chats; the desk's own origin
    /// always may.
    public var allowedOrigins: [String]
    public var greeting: LocalizedText
    /// `#rrggbb` for the button and header; nil: the desk's blue.
    public var color: String?
    /// Outside the department's business hours (its calendar) the widget takes messages instead of chats.
    public var followsBusinessHours: Bool
    public var prechat: ChatPrechatForm

    public init(
        departmentID: Department.ID, isEnabled: Bool = true, allowedOrigins: [String] = [],
        greeting: LocalizedText = LocalizedText(), color: String? = nil, followsBusinessHours: Bool = false,
        prechat: ChatPrechatForm = ChatPrechatForm()
    ) {
        self.departmentID = departmentID
        self.isEnabled = isEnabled
        self.allowedOrigins = allowedOrigins
        self.greeting = greeting
        self.color = color
        self.followsBusinessHours = followsBusinessHours
        self.prechat = prechat
    }

    /// Widgets saved before colours, hours and form settings existed read with the defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        departmentID = try container.decode(Department.ID.self, forKey: .departmentID)
        isEnabled = try container.decode(Bool.self, forKey: .isEnabled)
        allowedOrigins = try container.decode([String].self, forKey: .allowedOrigins)
        greeting = try container.decodeIfPresent(LocalizedText.self, forKey: .greeting) ?? LocalizedText()
        color = try container.decodeIfPresent(String.self, forKey: .color)
        followsBusinessHours = try container.decodeIfPresent(Bool.self, forKey: .followsBusinessHours) ?? false
        prechat = try container.decodeIfPresent(ChatPrechatForm.self, forKey: .prechat) ?? ChatPrechatForm()
    }

    /// Whether a page from `origin` may chat; `deskOrigin` is Balcão's own.
    public func allows(origin: String?, deskOrigin: String) -> Bool {
        guard isEnabled, let origin = origin.map(Self.normalized) else { return false }
        return origin == Self.normalized(deskOrigin) || allowedOrigins.map(Self.normalized).contains(origin)
    }

    /// `scheme://host[:port]`, lower-cased, without a trailing slash.
    static func normalized(_ origin: String) -> String {
        var text = origin.trimmingCharacters(in: .whitespaces).lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// Checks what an admin typed: each origin `http(s)://host[:port]` and nothing more, a `#rrggbb` colour,
    /// custom fields the department has, other departments that exist.
    public func validated(department: Department, departments: [Department.ID]) throws -> ChatWidget {
        var widget = self
        widget.allowedOrigins = Array(Set(allowedOrigins.map(Self.normalized).filter { !$0.isEmpty })).sorted()
        widget.color = color.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        widget.prechat.departmentChoices = prechat.departmentChoices.filter { $0 != departmentID }
        var collector = ValidationCollector()
        for origin in widget.allowedOrigins {
            guard let url = URL(string: origin), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
                url.path.isEmpty, url.query == nil
            else {
                collector.add("allowedOrigins", "\(origin) is not an origin like https://shop.example")
                continue
            }
        }
        if let color = widget.color, !PortalSettings.isColor(color) { collector.add("color", "must be a colour as #rrggbb") }
        let keys = Set(department.customFields.map(\.key))
        for key in prechat.customFieldKeys where !keys.contains(key) {
            collector.add("prechat.customFieldKeys", "\(department.name) has no custom field \(key)")
        }
        for id in widget.prechat.departmentChoices where !departments.contains(id) {
            collector.add("prechat.departmentChoices", "no department has the id \(id)")
        }
        try collector.check()
        return widget
    }
}

/// What the widget asks before a chat, besides the email (always, for the answer by mail) and the first line.
public struct ChatPrechatForm: Sendable, Hashable, Codable {
    public var requiresName: Bool
    /// Keys of the department's custom fields asked in the form (their own "required" applies).
    public var customFieldKeys: [String]
    /// Other departments the visitor may choose instead; each takes the chat with its own widget's settings.
    public var departmentChoices: [Department.ID]

    public init(requiresName: Bool = true, customFieldKeys: [String] = [], departmentChoices: [Department.ID] = []) {
        self.requiresName = requiresName
        self.customFieldKeys = customFieldKeys
        self.departmentChoices = departmentChoices
    }
}

/// What the widget shows before a chat, for one department: answered to `hello`.
public struct ChatWelcome: Sendable, Hashable {
    public struct Choice: Sendable, Hashable {
        public let departmentID: Department.ID
        public let name: String

        public init(departmentID: Department.ID, name: String) {
            self.departmentID = departmentID
            self.name = name
        }
    }

    /// Someone can answer now (an agent at the desk, within business hours when the widget follows them).
    public let online: Bool
    public let greeting: String?
    public let color: String?
    /// Outside business hours: when the department opens again.
    public let opensAt: Date?
    public let requiresName: Bool
    public let fields: [CustomFieldDefinition]
    /// The department itself first, then the ones the visitor may choose instead.
    public let choices: [Choice]

    public init(
        online: Bool, greeting: String?, color: String?, opensAt: Date?, requiresName: Bool,
        fields: [CustomFieldDefinition], choices: [Choice]
    ) {
        self.online = online
        self.greeting = greeting
        self.color = color
        self.opensAt = opensAt
        self.requiresName = requiresName
        self.fields = fields
        self.choices = choices
    }

    /// A department that takes no chats (no widget, or turned off): the widget hides its button.
    public static let unavailable = ChatWelcome(
        online: false, greeting: nil, color: nil, opensAt: nil, requiresName: true, fields: [], choices: [])

    var isAvailable: Bool { !choices.isEmpty }
}
