//! Memory the app no longer uses, given back to the system.

/// Gives the allocator's free pages back to the system. After a large load (100,000 people
/// come in pages of JSON, each parsed, kept compactly and dropped), glibc keeps the freed
/// pages for later allocations, and the process's resident memory stays as high as its
/// peak; `malloc_trim` returns them. Elsewhere (other allocators) nothing is needed or done.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes no pointer and only releases free memory; glibc makes it
    // safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}
