//! `sesame`: the desktop application.

// A release build on Windows opens its window only, no console beside it.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use sesame_app::presets::Preset;

fn main() -> iced::Result {
    // Before anything else runs (it may set the environment for iced).
    sesame_app::renderer::choose();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .init();
    // `--preset NAME` starts on a prepared organization (for trying things); `--presets` lists them.
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["--presets"] => {
            for preset in Preset::ALL {
                println!("{}", preset.name());
            }
            Ok(())
        }
        ["--preset", name] => match Preset::named(name) {
            Some(preset) => sesame_app::run_preset(preset),
            None => {
                eprintln!("sesame: no preset named {name:?} (see sesame --presets)");
                std::process::exit(2)
            }
        },
        _ => sesame_app::run(),
    }
}
