import Synchronization

/// Where each field of a file is: the key's place, by field path (`actions[1].target`).
/// Kept beside the model, not in it, so that two equal plans are equal wherever their files put
/// things. Lint keeps the map of every file of the plan at once, so it is stored compactly: one
/// entry of five 32-bit numbers per field, each path kept once for the whole process
/// (`FieldPaths`), rather than two dictionaries of strings per file.
public struct SourceMap: Sendable, Hashable {
    private var entries: [Entry] = []
    /// Positions in `entries` by path, once a map has too many entries to search one by one (a
    /// file of thousands of updates).
    private var index: [Int32: Int] = [:]

    private static let searched = 64

    public init() {}

    /// Where each field's key stands, by field path.
    public var keys: [String: SourceLocation] { dictionary { $0.key } }
    /// Where each field's value stands, by field path.
    public var values: [String: SourceLocation] { dictionary { $0.value } }

    public mutating func record(_ path: String, key: SourceLocation?, value: SourceLocation?) {
        guard key != nil || value != nil else { return }
        let id = FieldPaths.id(of: path)
        if let at = position(of: id) {
            if let key { entries[at].key = Place(key) }
            if let value { entries[at].value = Place(value) }
            return
        }
        entries.append(Entry(path: id, key: Place(key), value: Place(value)))
        if entries.count > Self.searched {
            if index.isEmpty {
                for (at, entry) in entries.enumerated() { index[entry.path] = at }
            } else {
                index[id] = entries.count - 1
            }
        }
    }

    /// Lets go of the room the entries grew into: for a map kept long (lint keeps every file's).
    public mutating func shrinkToFit() {
        guard entries.capacity > entries.count + 4 else { return }
        entries = entries.exactlySized()
    }

    /// The key's place, else the value's.
    public func location(of path: String) -> SourceLocation? {
        guard let id = FieldPaths.existingID(of: path), let at = position(of: id) else { return nil }
        return entries[at].key.location ?? entries[at].value.location
    }

    public static func == (a: SourceMap, b: SourceMap) -> Bool {
        a.keys == b.keys && a.values == b.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
    }

    private func position(of id: Int32) -> Int? {
        if !index.isEmpty { return index[id] }
        return entries.firstIndex { $0.path == id }
    }

    private func dictionary(_ place: (Entry) -> Place) -> [String: SourceLocation] {
        var result: [String: SourceLocation] = [:]
        for entry in entries {
            if let location = place(entry).location { result[FieldPaths.path(entry.path)] = location }
        }
        return result
    }

    private struct Entry: Sendable {
        var path: Int32
        var key: Place
        var value: Place
    }

    /// A line and column in 32 bits each (a plan file is at most a few megabytes); line -1 for
    /// no place.
    private struct Place: Sendable {
        var line: Int32
        var column: Int32

        init(_ location: SourceLocation?) {
            line = location.map { Int32(clamping: $0.line) } ?? -1
            column = location.map { Int32(clamping: $0.column) } ?? 0
        }

        var location: SourceLocation? {
            line < 0 ? nil : SourceLocation(line: Int(line), column: Int(column))
        }
    }
}

/// Field paths (`actions[1].updates[0].date`), each kept once for the whole process and named
/// by a number: the same few hundred paths recur in every file of a plan.
enum FieldPaths {
    private struct Table: ~Copyable {
        var ids: [String: Int32] = [:]
        var paths: [String] = []
    }

    private static let table = Mutex(Table())

    static func id(of path: String) -> Int32 {
        table.withLock { table in
            if let id = table.ids[path] { return id }
            let id = Int32(table.paths.count)
            table.paths.append(path)
            table.ids[path] = id
            return id
        }
    }

    /// The path's number, when any map has recorded it.
    static func existingID(of path: String) -> Int32? {
        table.withLock { $0.ids[path] }
    }

    static func path(_ id: Int32) -> String {
        table.withLock { $0.paths[Int(id)] }
    }
}
