//! Build script. On Windows it embeds the application icon, the version information and the
//! application manifest (packaging/windows/sesame.exe.manifest: DPI awareness, common controls
//! v6, Windows 10/11, no elevation) in the executables. Elsewhere it does nothing.
//!
//! The `winresource` build-dependency exists only on a Windows host
//! (`[target.'cfg(windows)'.build-dependencies]` is matched against the machine that runs this
//! script), so the Windows executables are built on Windows, as RELEASING.md describes.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    #[cfg(windows)]
    windows::embed_resources();
}

#[cfg(windows)]
mod windows {
    const ICON: &str = "../../resources/icons/app.sesame.Sesame.ico";
    const MANIFEST: &str = "../../packaging/windows/sesame.exe.manifest";

    pub fn embed_resources() {
        println!("cargo:rerun-if-changed={ICON}");
        println!("cargo:rerun-if-changed={MANIFEST}");
        if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
            return;
        }
        let mut resource = winresource::WindowsResource::new();
        resource
            .set_icon(ICON)
            .set_manifest_file(MANIFEST)
            .set("ProductName", "Sesame")
            .set("FileDescription", "Sesame")
            .set("CompanyName", "The Sesame developers")
            .set("LegalCopyright", "The Sesame developers, MIT OR Apache-2.0");
        if let Err(error) = resource.compile() {
            panic!("embedding the icon and manifest in the executables: {error}");
        }
    }
}
