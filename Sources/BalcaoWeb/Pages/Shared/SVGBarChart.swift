import Foundation

/// A bar chart drawn on the server as SVG (no script, no chart library): `role="img"` with a title and a
/// description for screen readers, and each bar's value in its own `<title>` (shown on hover). Labels are escaped.
struct SVGBarChart {
    struct Bar {
        let label: String
        let value: Int
    }

    let title: String
    let bars: [Bar]

    /// Columns side by side (a time series), the label under every `labelEvery`-th one.
    func columns(width: Int = 720, height: Int = 200, labelEvery: Int = 7) -> String {
        let top = max(1, bars.map(\.value).max() ?? 1)
        let plot = Double(height - 24)
        let slot = Double(width) / Double(max(1, bars.count))
        var parts: [String] = []
        for (index, bar) in bars.enumerated() {
            let barHeight = plot * Double(bar.value) / Double(top)
            let x = Double(index) * slot
            parts.append(
                "<rect x=\"\(Self.number(x + 1))\" y=\"\(Self.number(plot - barHeight))\" width=\"\(Self.number(max(1, slot - 2)))\" "
                    + "height=\"\(Self.number(barHeight))\" class=\"bar\"><title>\(Self.escape(bar.label)): \(bar.value)</title></rect>")
            if index % max(1, labelEvery) == 0 {
                parts.append(
                    "<text x=\"\(Self.number(x))\" y=\"\(height - 6)\" class=\"axis\">\(Self.escape(bar.label))</text>")
            }
        }
        return svg(width: width, height: height, body: parts)
    }

    /// One row per bar, largest first as given, with its label and value.
    func rows(width: Int = 720, rowHeight: Int = 22) -> String {
        let top = max(1, bars.map(\.value).max() ?? 1)
        let labelWidth = 220.0
        let plot = Double(width) - labelWidth - 60
        var parts: [String] = []
        for (index, bar) in bars.enumerated() {
            let y = Double(index * rowHeight)
            let length = plot * Double(bar.value) / Double(top)
            parts.append(
                "<text x=\"0\" y=\"\(Self.number(y + 15))\" class=\"label\">\(Self.escape(String(bar.label.prefix(32))))</text>"
                    + "<rect x=\"\(Self.number(labelWidth))\" y=\"\(Self.number(y + 3))\" width=\"\(Self.number(max(1, length)))\" "
                    + "height=\"\(rowHeight - 6)\" class=\"bar\"><title>\(Self.escape(bar.label)): \(bar.value)</title></rect>"
                    + "<text x=\"\(Self.number(labelWidth + length + 6))\" y=\"\(Self.number(y + 15))\" class=\"value\">\(bar.value)</text>")
        }
        return svg(width: width, height: max(rowHeight, bars.count * rowHeight), body: parts)
    }

    private func svg(width: Int, height: Int, body: [String]) -> String {
        let summary = bars.prefix(12).map { "\($0.label): \($0.value)" }.joined(separator: "; ")
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" "
            + "aria-label=\"\(Self.escape(title))\"><title>\(Self.escape(title))</title><desc>\(Self.escape(summary))</desc>"
            + body.joined() + "</svg>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
