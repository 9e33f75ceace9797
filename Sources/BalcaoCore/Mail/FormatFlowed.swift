import Foundation

/// RFC 3676 `format=flowed` text, which Apple Mail and Thunderbird send: a line ending in a space continues
/// on the next one. Unflowing restores the paragraphs so replies read as the sender typed them.
enum FormatFlowed {
    static func unflow(_ text: String, deleteSpace: Bool) -> String {
        var output: [String] = []
        var paragraph = ""
        var paragraphDepth = -1
        func flush() {
            // A flowed line that is not followed by a line of the same depth ends its paragraph anyway.
            if paragraph != "-- " { while paragraph.hasSuffix(" ") { paragraph.removeLast() } }
            if paragraphDepth >= 0 { output.append(prefix(paragraphDepth) + paragraph) }
            paragraph = ""
            paragraphDepth = -1
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine)
            var depth = 0
            while line.first == ">" {
                depth += 1
                line = line.dropFirst()
            }
            if line.first == " " { line = line.dropFirst() }  // space-stuffing
            if paragraphDepth >= 0, depth != paragraphDepth { flush() }
            let isSignature = line == "-- "
            let isFlowed = !isSignature && line.hasSuffix(" ")
            if isFlowed, deleteSpace { line = line.dropLast() }
            paragraph += line
            paragraphDepth = depth
            if !isFlowed { flush() }
        }
        flush()
        return output.joined(separator: "\n")
    }

    private static func prefix(_ depth: Int) -> String {
        depth == 0 ? "" : String(repeating: ">", count: depth) + " "
    }
}
