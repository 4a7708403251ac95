//! The emails of electronic appeals, in the appeal's language: the code that confirms the
//! address, registration, redirection, extension, the decision, "left without consideration",
//! and the one-time link to "my appeals". Tracking codes appear only in the registration email.

use super::OutgoingEmail;
use super::templates::compose;
use api::Lang;

/// The one-time code for the filing form; valid 30 minutes (`routes::appeals::CODE_VALID_FOR`).
pub fn email_code(to: &str, lang: Lang, code: &str) -> OutgoingEmail {
    let (subject, lines) = match lang {
        Lang::Kk => (
            format!("Растау коды: {code}"),
            vec![
                format!("Өтініш беру нысанындағы растау кодыңыз: {code}"),
                "Код 30 минут жарамды. Егер өтінішті сіз бермесеңіз, бұл хатты елемеңіз.".to_owned(),
            ],
        ),
        Lang::Ru => (
            format!("Код подтверждения: {code}"),
            vec![
                format!("Ваш код подтверждения для формы обращения: {code}"),
                "Код действует 30 минут. Если вы не подавали обращение, не обращайте внимания на это письмо."
                    .to_owned(),
            ],
        ),
        Lang::En => (
            format!("Confirmation code: {code}"),
            vec![
                format!("Your confirmation code for the appeal form: {code}"),
                "The code is valid for 30 minutes. If you did not file an appeal, ignore this email.".to_owned(),
            ],
        ),
    };
    compose(to, lang, subject, &lines)
}

/// What the applicant needs to follow the appeal: number, registration time, deadline, the code.
pub struct Registered<'a> {
    pub name: &'a str,
    pub number: &'a str,
    pub body_name: &'a str,
    /// The date and time in Kazakhstan, `DD.MM.YYYY HH:MM`.
    pub registered_at: &'a str,
    /// `DD.MM.YYYY`.
    pub deadline: &'a str,
    pub code: &'a str,
    pub link: &'a str,
}

pub fn appeal_registered(to: &str, lang: Lang, r: &Registered<'_>) -> OutgoingEmail {
    let Registered { name, number, body_name, registered_at, deadline, code, link } = *r;
    let (subject, lines) = match lang {
        Lang::Kk => (
            format!("Өтінішіңіз тіркелді: {number}"),
            vec![
                format!("Сәлеметсіз бе, {name}!"),
                format!("«{body_name}» мемлекеттік органына берген өтінішіңіз тіркелді."),
                format!(
                    "Тіркеу нөмірі: {number}\nТіркелген уақыты: {registered_at} (Астана уақыты)\nҚарау мерзімі: {deadline} дейін\nБақылау коды: {code}"
                ),
                "Өтініштің қай кезеңде екенін мына сілтеме бойынша көре аласыз:".to_owned(),
                link.to_owned(),
                "Бақылау кодын ешкімге бермеңіз. Мерзім ұзартылса немесе өтініш басқа органға жолданса, сізге хат келеді."
                    .to_owned(),
            ],
        ),
        Lang::Ru => (
            format!("Ваше обращение зарегистрировано: {number}"),
            vec![
                format!("Здравствуйте, {name}!"),
                format!("Ваше обращение в государственный орган «{body_name}» зарегистрировано."),
                format!(
                    "Регистрационный номер: {number}\nДата и время регистрации: {registered_at} (время Астаны)\nСрок рассмотрения: до {deadline}\nКод для отслеживания: {code}"
                ),
                "Где сейчас обращение, можно посмотреть по ссылке:".to_owned(),
                link.to_owned(),
                "Никому не сообщайте код. Если срок продлят или обращение передадут в другой орган, вы получите письмо."
                    .to_owned(),
            ],
        ),
        Lang::En => (
            format!("Your appeal is registered: {number}"),
            vec![
                format!("Hello {name},"),
                format!("Your appeal to {body_name} is registered."),
                format!(
                    "Registration number: {number}\nRegistered: {registered_at} (Astana time)\nAnswer due by: {deadline}\nTracking code: {code}"
                ),
                "You can see where your appeal is at this link:".to_owned(),
                link.to_owned(),
                "Do not share the code. If the term is extended or the appeal goes to another body, you will get an email."
                    .to_owned(),
            ],
        ),
    };
    compose(to, lang, subject, &lines)
}

/// The appeal went to the competent body; the number stays.
pub fn appeal_redirected(
    to: &str,
    lang: Lang,
    name: &str,
    number: &str,
    from_body: &str,
    to_body: &str,
    link: &str,
) -> OutgoingEmail {
    let (subject, lines) = match lang {
        Lang::Kk => (
            format!("Өтінішіңіз басқа мемлекеттік органға жолданды: {number}"),
            vec![
                format!("Сәлеметсіз бе, {name}!"),
                format!(
                    "{number} өтінішіңіз «{from_body}» мемлекеттік органының құзыретіне жатпайды, сондықтан қарау үшін «{to_body}» мемлекеттік органына жолданды."
                ),
                "Тіркеу нөмірі мен бақылау коды өзгермейді. Өтініштің барысын мына сілтеме бойынша көре аласыз:".to_owned(),
                link.to_owned(),
            ],
        ),
        Lang::Ru => (
            format!("Ваше обращение передано в другой государственный орган: {number}"),
            vec![
                format!("Здравствуйте, {name}!"),
                format!(
                    "Ваше обращение № {number} не относится к компетенции государственного органа «{from_body}», поэтому оно передано на рассмотрение в государственный орган «{to_body}»."
                ),
                "Регистрационный номер и код для отслеживания остаются прежними. Следить за обращением можно по ссылке:"
                    .to_owned(),
                link.to_owned(),
            ],
        ),
        Lang::En => (
            format!("Your appeal was passed to another government body: {number}"),
            vec![
                format!("Hello {name},"),
                format!(
                    "Your appeal {number} is outside the competence of {from_body}, so it has been passed to {to_body} for consideration."
                ),
                "The registration number and the tracking code stay the same. You can follow the appeal here:".to_owned(),
                link.to_owned(),
            ],
        ),
    };
    compose(to, lang, subject, &lines)
}

/// The head extended the term, with the reason.
pub fn appeal_extended(
    to: &str,
    lang: Lang,
    name: &str,
    number: &str,
    deadline: &str,
    reason: &str,
    link: &str,
) -> OutgoingEmail {
    let (subject, lines) = match lang {
        Lang::Kk => (
            format!("Өтінішті қарау мерзімі ұзартылды: {number}"),
            vec![
                format!("Сәлеметсіз бе, {name}!"),
                format!("{number} өтінішіңізді қарау мерзімі {deadline} дейін ұзартылды."),
                format!("Себебі: {reason}"),
                "Өтініштің барысын мына сілтеме бойынша көре аласыз:".to_owned(),
                link.to_owned(),
            ],
        ),
        Lang::Ru => (
            format!("Срок рассмотрения обращения продлён: {number}"),
            vec![
                format!("Здравствуйте, {name}!"),
                format!("Срок рассмотрения вашего обращения № {number} продлён до {deadline}."),
                format!("Причина: {reason}"),
                "Следить за обращением можно по ссылке:".to_owned(),
                link.to_owned(),
            ],
        ),
        Lang::En => (
            format!("The term of your appeal is extended: {number}"),
            vec![
                format!("Hello {name},"),
                format!("The term for your appeal {number} is extended to {deadline}."),
                format!("Reason: {reason}"),
                "You can follow the appeal here:".to_owned(),
                link.to_owned(),
            ],
        ),
    };
    compose(to, lang, subject, &lines)
}

/// The decision is ready; it is read on the tracking page, where it can be rated.
pub fn appeal_decided(to: &str, lang: Lang, name: &str, number: &str, body_name: &str, link: &str) -> OutgoingEmail {
    let (subject, lines) = match lang {
        Lang::Kk => (
            format!("Өтінішіңіз бойынша жауап дайын: {number}"),
            vec![
                format!("Сәлеметсіз бе, {name}!"),
                format!("«{body_name}» мемлекеттік органы {number} өтінішіңізді қарап, жауап берді."),
                "Жауапты және қоса берілген файлдарды мына сілтеме бойынша оқи аласыз (тіркелу туралы хаттағы бақылау кодын енгізіңіз). Сол жерде жауапты 1-ден 5-ке дейін бағалай аласыз:"
                    .to_owned(),
                link.to_owned(),
            ],
        ),
        Lang::Ru => (
            format!("Ответ на ваше обращение готов: {number}"),
            vec![
                format!("Здравствуйте, {name}!"),
                format!("Государственный орган «{body_name}» рассмотрел ваше обращение № {number} и дал ответ."),
                "Ответ и приложенные файлы можно прочитать по ссылке (введите код из письма о регистрации). Там же можно оценить ответ от 1 до 5:"
                    .to_owned(),
                link.to_owned(),
            ],
        ),
        Lang::En => (
            format!("The answer to your appeal is ready: {number}"),
            vec![
                format!("Hello {name},"),
                format!("{body_name} has considered your appeal {number} and answered it."),
                "Read the answer and its files at this link (enter the code from the registration email). You can rate the answer from 1 to 5 there:"
                    .to_owned(),
                link.to_owned(),
            ],
        ),
    };
    compose(to, lang, subject, &lines)
}

/// The appeal is left without consideration, with the reason.
pub fn appeal_left(to: &str, lang: Lang, name: &str, number: &str, reason: &str, link: &str) -> OutgoingEmail {
    let (subject, lines) = match lang {
        Lang::Kk => (
            format!("Өтінішіңіз қараусыз қалдырылды: {number}"),
            vec![
                format!("Сәлеметсіз бе, {name}!"),
                format!("{number} өтінішіңіз қараусыз қалдырылды."),
                format!("Себебі: {reason}"),
                "Кемшілікті түзетіп, өтінішті қайта бере аласыз. Толығырақ:".to_owned(),
                link.to_owned(),
            ],
        ),
        Lang::Ru => (
            format!("Ваше обращение оставлено без рассмотрения: {number}"),
            vec![
                format!("Здравствуйте, {name}!"),
                format!("Ваше обращение № {number} оставлено без рассмотрения."),
                format!("Причина: {reason}"),
                "Вы можете устранить недостаток и подать обращение снова. Подробнее:".to_owned(),
                link.to_owned(),
            ],
        ),
        Lang::En => (
            format!("Your appeal was left without consideration: {number}"),
            vec![
                format!("Hello {name},"),
                format!("Your appeal {number} was left without consideration."),
                format!("Reason: {reason}"),
                "You may correct the problem and file the appeal again. Details:".to_owned(),
                link.to_owned(),
            ],
        ),
    };
    compose(to, lang, subject, &lines)
}

/// The one-time link to "my appeals"; valid 24 hours (`routes::cabinet::LINK_VALID_FOR`).
pub fn cabinet_link(to: &str, lang: Lang, link: &str) -> OutgoingEmail {
    let (subject, lines) = match lang {
        Lang::Kk => (
            "«Менің өтініштерім» бетіне кіру сілтемесі".to_owned(),
            vec![
                "Осы мекенжаймен берілген барлық өтініштер мен сұрақтарды көру үшін мына сілтемені ашыңыз:".to_owned(),
                link.to_owned(),
                "Сілтеме бір рет қана ашылады және 24 сағат жарамды. Егер сілтемені сіз сұрамасаңыз, бұл хатты елемеңіз."
                    .to_owned(),
            ],
        ),
        Lang::Ru => (
            "Ссылка для входа в «Мои обращения»".to_owned(),
            vec![
                "Чтобы увидеть все обращения и вопросы, поданные с этого адреса, откройте ссылку:".to_owned(),
                link.to_owned(),
                "Ссылка открывается один раз и действует 24 часа. Если вы её не запрашивали, не обращайте внимания на это письмо."
                    .to_owned(),
            ],
        ),
        Lang::En => (
            "Your link to “My appeals”".to_owned(),
            vec![
                "To see every appeal and question filed with this address, open this link:".to_owned(),
                link.to_owned(),
                "The link opens once and is valid for 24 hours. If you did not ask for it, ignore this email.".to_owned(),
            ],
        ),
    };
    compose(to, lang, subject, &lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registration_email_carries_number_time_deadline_and_code_in_every_language() {
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            let r = Registered {
                name: "Әсел",
                number: "ЖТ-2026-00000007",
                body_name: "Body",
                registered_at: "23.11.2026 10:15",
                deadline: "14.12.2026",
                code: "K7M2QX9P4T",
                link: "https://example.kz/kk/appeals/track#number=x&code=K7M2QX9P4T",
            };
            let mail = appeal_registered("a@b.kz", lang, &r);
            for part in ["ЖТ-2026-00000007", "23.11.2026 10:15", "14.12.2026", "K7M2QX9P4T"] {
                assert!(mail.text.contains(part) && mail.html.contains(part), "{lang:?} lacks {part}");
            }
        }
    }

    #[test]
    fn the_code_email_holds_one_six_digit_number() {
        let mail = email_code("a@b.kz", Lang::Kk, "042917");
        assert!(mail.subject.contains("042917") && mail.text.contains("042917"));
    }
}
