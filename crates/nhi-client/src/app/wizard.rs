//! The steps of the app's wizards. A step lives in the screen's address (`?step=photo`),
//! so the browser's back goes one step back and a reload stays on the step; what was typed
//! is kept as a draft (`platform::drafts`), secrets and photos excepted.

use std::fmt;
use std::str::FromStr;

/// Declares a wizard's steps in order: the first is the default, `previous` walks back.
macro_rules! wizard_steps {
    ($(#[$doc:meta])* $name:ident { $($step:ident = $slug:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
        pub enum $name {
            #[default]
            $($step),+
        }

        impl $name {
            const ORDER: &'static [$name] = &[$($name::$step),+];

            /// The step before this one; `None` on the first.
            pub fn previous(self) -> Option<Self> {
                let at = Self::ORDER.iter().position(|s| *s == self)?;
                at.checked_sub(1).map(|i| Self::ORDER[i])
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(match self { $($name::$step => $slug),+ })
            }
        }

        /// An unknown step (an old or edited address) starts at the first.
        impl FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(match s { $($slug => $name::$step,)+ _ => $name::default() })
            }
        }
    };
}

wizard_steps! {
    /// 申辦虛擬健保卡: terms → ID document → photo → review and contact details.
    ApplyStep { Terms = "terms", Document = "document", Photo = "photo", Review = "review" }
}

impl ApplyStep {
    /// The step to show when the address asks for this one: the first earlier step whose
    /// input is missing (after a reload the images are gone), else this one.
    pub fn reachable(self, agreed: bool, has_document: bool, has_photo: bool) -> Self {
        use ApplyStep::*;
        match self {
            Document | Photo | Review if !agreed => Terms,
            Photo | Review if !has_document => Document,
            Review if !has_photo => Photo,
            asked => asked,
        }
    }
}

wizard_steps! {
    /// 行動電話認證: what to prepare → the terms and the privacy statement (Confirm agrees) →
    /// ID, card digits, mobile number → new password.
    PhoneStep { Prepare = "prepare", Terms = "terms", Number = "number", Password = "password" }
}

impl PhoneStep {
    /// The number step needs the terms agreed to; the password step also the carrier's
    /// confirmation of this visit (never kept across a reload): without them, the step that
    /// gives them.
    pub fn reachable(self, agreed: bool, confirmed: bool) -> Self {
        match self {
            PhoneStep::Number | PhoneStep::Password if !agreed => PhoneStep::Terms,
            PhoneStep::Password if !confirmed => PhoneStep::Number,
            asked => asked,
        }
    }
}

wizard_steps! {
    /// 裝置碼認證: what to prepare → the code.
    CodeStep { Prepare = "prepare", Code = "code" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_round_trip_through_the_address_and_walk_back() {
        for step in [
            ApplyStep::Terms,
            ApplyStep::Document,
            ApplyStep::Photo,
            ApplyStep::Review,
        ] {
            assert_eq!(step.to_string().parse::<ApplyStep>(), Ok(step));
        }
        assert_eq!(ApplyStep::Review.previous(), Some(ApplyStep::Photo));
        assert_eq!(ApplyStep::Terms.previous(), None);
        assert_eq!(PhoneStep::Password.previous(), Some(PhoneStep::Number));
        assert_eq!(PhoneStep::Number.previous(), Some(PhoneStep::Terms));
        assert_eq!("nonsense".parse::<CodeStep>(), Ok(CodeStep::Prepare));
        assert_eq!("".parse::<PhoneStep>(), Ok(PhoneStep::Prepare));
    }

    #[test]
    fn a_step_whose_input_is_gone_falls_back_to_where_it_is_given() {
        use ApplyStep::*;
        assert_eq!(Review.reachable(true, true, true), Review);
        assert_eq!(Review.reachable(true, true, false), Photo);
        assert_eq!(Review.reachable(true, false, false), Document);
        assert_eq!(Photo.reachable(false, true, true), Terms);
        assert_eq!(Document.reachable(true, false, false), Document);
        assert_eq!(Terms.reachable(false, false, false), Terms);
        assert_eq!(
            PhoneStep::Password.reachable(true, false),
            PhoneStep::Number
        );
        assert_eq!(
            PhoneStep::Password.reachable(true, true),
            PhoneStep::Password
        );
        assert_eq!(PhoneStep::Number.reachable(false, false), PhoneStep::Terms);
        assert_eq!(PhoneStep::Password.reachable(false, true), PhoneStep::Terms);
    }
}
