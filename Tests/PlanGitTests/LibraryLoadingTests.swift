import CLibGit2
import Foundation
import Testing
@testable import PlanGit

/// libgit2 is loaded with dlopen on its first call (CLibGit2.h): what a library that cannot
/// serve is told, and that the one loaded is the one the headers describe.
@Suite struct LibraryLoadingTests {
    func open(_ name: String) -> (handle: UnsafeMutableRawPointer?, error: String) {
        var table = plantool_git2_functions()
        var error = [CChar](repeating: 0, count: 512)
        let handle = plantool_git2_open(name, &table, &error, UInt(error.count))
        return (handle, String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    @Test("a library that is not there is named, with the loader's reason")
    func missingLibrary() {
        let result = open("libgit2-plantool-missing.so.0")
        #expect(result.handle == nil)
        #expect(result.error.hasPrefix("cannot load libgit2 (libgit2-plantool-missing.so.0): "), "\(result.error)")
        #expect(result.error.contains("No such file"), "\(result.error)")
    }

    @Test("a library without libgit2's functions is refused by the first one missing")
    func libraryWithoutTheFunctions() {
        let result = open("libz.so.1")
        #expect(result.handle == nil)
        #expect(result.error.hasPrefix("cannot load libgit2 (libz.so.1): it has no git_"), "\(result.error)")
    }

    @Test("the library loaded is the version the headers describe, every function found")
    func loadedLibraryMatchesTheHeaders() throws {
        #expect(plantool_git2_load() == nil)
        let result = open("libgit2.so.\(LIBGIT2_SOVERSION)")
        #expect(result.handle != nil, "\(result.error)")
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        #expect(git_libgit2_version(&major, &minor, &revision) == 0)
        #expect("\(major).\(minor)" == LIBGIT2_SOVERSION)
        #expect(Git.libraryVersion == "\(major).\(minor).\(revision)")
    }
}
