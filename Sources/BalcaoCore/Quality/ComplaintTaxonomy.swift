import Foundation

/// The desk's tree of complaint types (Product → Delivery → Late), edited by admins. A ticket is classified by
/// setting its category to a node's key; keys are stable (labels may change), so counts over time stay whole.
/// Each node may list keywords: a ticket whose subject or first message says them is suggested that node.
public struct ComplaintTaxonomy: Sendable, Hashable, Codable {
    public struct Node: Sendable, Hashable, Codable {
        /// Lower-case letters, digits and `_`, unique in the tree; what tickets store as their category.
        public var key: String
        public var label: String
        public var parentKey: String?
        /// Words or phrases that suggest this node ("atraso", "não chegou", "late delivery").
        public var keywords: [String]

        public init(key: String, label: String, parentKey: String? = nil, keywords: [String] = []) {
            self.key = key
            self.label = label
            self.parentKey = parentKey
            self.keywords = keywords
        }
    }

    public static let maxDepth = 4
    public static let maxNodes = 500
    public static let defaultWindows = [7, 30, 90]

    public var nodes: [Node]
    /// Days looked back when counting recurrence (the ticket page and the queue use the middle one).
    public var recurrenceWindows: [Int]
    /// The quality team: who gets the weekly digest (Mondays, 08:00 in the desk's zone).
    public var digestRecipients: [String]

    public init(nodes: [Node] = [], recurrenceWindows: [Int] = Self.defaultWindows, digestRecipients: [String] = []) {
        self.nodes = nodes
        self.recurrenceWindows = recurrenceWindows
        self.digestRecipients = digestRecipients
    }

    /// Saved before the digest existed: no recipients.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nodes = try container.decode([Node].self, forKey: .nodes)
        recurrenceWindows = try container.decodeIfPresent([Int].self, forKey: .recurrenceWindows) ?? Self.defaultWindows
        digestRecipients = try container.decodeIfPresent([String].self, forKey: .digestRecipients) ?? []
    }

    public var isEmpty: Bool { nodes.isEmpty }

    public func node(_ key: String?) -> Node? { key.flatMap { key in nodes.first { $0.key == key } } }

    /// The node and its ancestors, root first; empty for a category that is not in the tree.
    public func path(of key: String?) -> [Node] {
        var path: [Node] = []
        var current = node(key)
        while let found = current, path.count <= Self.maxDepth, !path.contains(found) {
            path.insert(found, at: 0)
            current = node(found.parentKey)
        }
        return path
    }

    /// "Product › Delivery › Late"; the category itself when it is not in the tree (free text from before).
    public func label(of key: String?) -> String? {
        guard let key, !key.isEmpty else { return nil }
        let path = path(of: key)
        return path.isEmpty ? key : path.map(\.label).joined(separator: " › ")
    }

    /// Every node in tree order (parents before children, siblings by label) with its depth, for pickers.
    public var outline: [(node: Node, depth: Int)] {
        var result: [(Node, Int)] = []
        func visit(_ parent: String?, _ depth: Int) {
            for child in nodes.filter({ $0.parentKey == parent }).sorted(by: { $0.label < $1.label }) {
                result.append((child, depth))
                if depth + 1 < Self.maxDepth { visit(child.key, depth + 1) }
            }
        }
        visit(nil, 0)
        return result
    }

    /// Checks keys, labels, parents (existing, no cycles, depth) and windows; trims what an admin typed.
    public func validated() throws -> ComplaintTaxonomy {
        var taxonomy = self
        taxonomy.nodes = nodes.map { node in
            var node = node
            node.key = node.key.trimmingCharacters(in: .whitespaces)
            node.label = node.label.trimmingCharacters(in: .whitespacesAndNewlines)
            node.parentKey = node.parentKey.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            node.keywords = node.keywords.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            return node
        }
        taxonomy.recurrenceWindows = Array(Set(recurrenceWindows)).sorted()
        taxonomy.digestRecipients = Array(Set(digestRecipients.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty })).sorted()
        var collector = ValidationCollector()
        if taxonomy.nodes.count > Self.maxNodes { collector.add("nodes", "at most \(Self.maxNodes) types") }
        var seen = Set<String>()
        for (index, node) in taxonomy.nodes.enumerated() {
            let field = "nodes[\(index)]"
            let validKey = (1...64).contains(node.key.count)
                && node.key.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
            if !validKey { collector.add("\(field).key", "must be 1–64 lower-case letters, digits or _") }
            if !seen.insert(node.key).inserted { collector.add("\(field).key", "\(node.key) is used twice") }
            collector.requireText(node.label, field: "\(field).label", maxLength: 120)
            if node.keywords.count > 50 { collector.add("\(field).keywords", "at most 50 keywords") }
            if let parent = node.parentKey {
                if taxonomy.node(parent) == nil {
                    collector.add("\(field).parentKey", "no type has the key \(parent)")
                } else if taxonomy.depth(of: node.key) == nil {
                    collector.add("\(field).parentKey", "types may nest \(Self.maxDepth) deep and never in a loop")
                }
            }
        }
        if taxonomy.recurrenceWindows.isEmpty || taxonomy.recurrenceWindows.count > 5
            || !taxonomy.recurrenceWindows.allSatisfy({ (1...366).contains($0) })
        {
            collector.add("recurrenceWindows", "1 to 5 windows of 1–366 days")
        }
        for address in taxonomy.digestRecipients where EmailAddress(address) == nil {
            collector.add("digestRecipients", "\(address) is not an email address")
        }
        try collector.check()
        return taxonomy
    }

    /// Levels below the root (0 for a root); nil when the parents loop or go deeper than `maxDepth`.
    func depth(of key: String) -> Int? {
        var depth = 0
        var current = node(key)?.parentKey
        while let parent = current {
            depth += 1
            guard depth < Self.maxDepth else { return nil }
            current = node(parent)?.parentKey
        }
        return depth
    }
}
