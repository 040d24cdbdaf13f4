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

wizard_steps! {
    /// 行動電話認證: what to prepare → ID, card digits, mobile number → new password.
    PhoneStep { Prepare = "prepare", Number = "number", Password = "password" }
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
        assert_eq!("nonsense".parse::<CodeStep>(), Ok(CodeStep::Prepare));
        assert_eq!("".parse::<PhoneStep>(), Ok(PhoneStep::Prepare));
    }
}
