//! Line icons as inline SVG, so they need no font or asset and scale crisply.

use dioxus::prelude::*;

#[component]
fn Svg(children: Element) -> Element {
    rsx! {
        svg {
            class: "icon",
            view_box: "0 0 24 24",
            width: "24",
            height: "24",
            fill: "none",
            stroke: "currentColor",
            stroke_width: "1.8",
            stroke_linecap: "round",
            stroke_linejoin: "round",
            "aria-hidden": "true",
            {children}
        }
    }
}

#[component]
pub fn Home() -> Element {
    rsx! { Svg { path { d: "M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z" } } }
}

#[component]
pub fn Person() -> Element {
    rsx! { Svg { circle { cx: "12", cy: "8", r: "4" } path { d: "M4 21c0-4 4-6 8-6s8 2 8 6" } } }
}

#[component]
pub fn Family() -> Element {
    rsx! { Svg { circle { cx: "8", cy: "8", r: "3" } circle { cx: "17", cy: "10", r: "2.5" } path { d: "M2 20c0-3.5 2.7-5.5 6-5.5s6 2 6 5.5M14 20c.3-2.6 1.6-4 3.5-4 2.2 0 3.5 1.6 3.5 4" } } }
}

#[component]
pub fn Clinic() -> Element {
    rsx! { Svg { path { d: "M4 21V8l8-5 8 5v13z" } path { d: "M12 9v6M9 12h6M2 21h20" } } }
}

#[component]
pub fn Card() -> Element {
    rsx! { Svg { rect { x: "2", y: "5", width: "20", height: "14", rx: "2" } path { d: "M6 10h5M6 14h8" } rect { x: "15", y: "9", width: "4", height: "4" } } }
}

#[component]
pub fn Book() -> Element {
    rsx! { Svg { path { d: "M4 4h11a3 3 0 0 1 3 3v13H7a3 3 0 0 1-3-3z" } path { d: "M8 9h6M8 13h6" } } }
}

#[component]
pub fn Phone() -> Element {
    rsx! { Svg { rect { x: "6", y: "2", width: "12", height: "20", rx: "2" } path { d: "M10 18h4" } } }
}

#[component]
pub fn Eye() -> Element {
    rsx! { Svg { path { d: "M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z" } circle { cx: "12", cy: "12", r: "3" } } }
}

#[component]
pub fn EyeOff() -> Element {
    rsx! { Svg { path { d: "M3 3l18 18M10.6 6.1A10 10 0 0 1 12 6c6 0 10 6 10 6a17 17 0 0 1-3.2 3.8M6.5 7.5C3.7 9.3 2 12 2 12s4 7 10 7a9.7 9.7 0 0 0 4.4-1" } path { d: "M9.9 9.9a3 3 0 0 0 4.2 4.2" } } }
}
