import Vapor

/// A CSV download (RFC 4180): rows of fields, quoted when they hold a comma, a quote or a line break; CRLF lines.
struct CSVFile {
    let filename: String
    let rows: [[String]]

    var text: String { rows.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n" }

    var response: Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    static func field(_ text: String) -> String {
        text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
