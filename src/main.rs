//! `sesame`: the desktop application. Its screens arrive with the desktop-app issue; until
//! then this binary points to the server, which carries every rule.

fn main() {
    eprintln!(
        "The Sesame desktop app is not built yet. Run the server: cargo run --bin sesame-server -- serve"
    );
    std::process::exit(2);
}
