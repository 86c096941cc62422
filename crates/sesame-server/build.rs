//! sqlx::migrate! embeds the migrations: a new migration file must rebuild the crate.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/store/migrations");
}
