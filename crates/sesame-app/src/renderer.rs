//! Which renderer draws the window. iced draws with the GPU (wgpu) when it finds an adapter,
//! and with its software renderer otherwise. On a machine whose only adapter is itself software
//! (Mesa's llvmpipe: virtual machines, remote desktops, many offices), wgpu's GL path leaves
//! images of earlier frames on screen (a QR code, a shield, after they are gone); iced's own
//! software renderer does not, and is as fast there. So Sesame asks for it there.

/// The renderer for this machine: iced's software one when no adapter is a real GPU. A choice
/// made by the person (`ICED_BACKEND`) is kept.
pub fn choose() {
    if std::env::var_os("ICED_BACKEND").is_some() {
        return;
    }
    if !has_gpu() {
        // SAFETY: called first thing in `main`, before any other thread starts.
        unsafe {
            std::env::set_var(
                "ICED_BACKEND",
                sesame_core::i18n::keys::not_text("tiny-skia"),
            )
        };
    }
}

/// Whether one of the adapters wgpu would use is a GPU (not a software one).
pub fn has_gpu() -> bool {
    let backends = wgpu::Backends::from_env().unwrap_or(wgpu::Backends::all());
    let instance = wgpu::Instance::new(&wgpu::InstanceDescriptor {
        backends,
        ..Default::default()
    });
    instance.enumerate_adapters(backends).iter().any(|a| {
        matches!(
            a.get_info().device_type,
            wgpu::DeviceType::DiscreteGpu
                | wgpu::DeviceType::IntegratedGpu
                | wgpu::DeviceType::VirtualGpu
        )
    })
}
