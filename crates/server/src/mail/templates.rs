//! The texts of the emails, in the language of the case, with plain-text and HTML parts.
//! Values put into the HTML part are escaped.

use super::OutgoingEmail;
use api::Lang;

/// The signature under every message.
fn signature(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "Құрметпен,\nМемлекеттік органдардың онлайн-қабылдау бөлмесі",
        Lang::Ru => "С уважением,\nОнлайн-приёмная государственных органов",
        Lang::En => "Kind regards,\nOnline reception of government bodies",
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// Builds both parts from paragraphs; a paragraph that is an address becomes a link in HTML.
pub(super) fn compose(to: &str, lang: Lang, subject: String, paragraphs: &[String]) -> OutgoingEmail {
    let mut all: Vec<String> = paragraphs.to_vec();
    all.push(signature(lang).to_owned());
    let text = all.join("\n\n");
    let html_paragraphs: String = all
        .iter()
        .map(|p| {
            if p.starts_with("https://") || p.starts_with("http://") {
                format!("<p><a href=\"{0}\">{0}</a></p>", escape(p))
            } else {
                format!("<p>{}</p>", escape(p).replace('\n', "<br>"))
            }
        })
        .collect();
    let html = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body>{html_paragraphs}</body></html>",
        lang.code(),
        escape(&subject)
    );
    OutgoingEmail { to: to.to_owned(), subject, text, html }
}

/// Asks the citizen to confirm the address; the question reaches moderators only after that.
/// The link is valid for three days (`routes::questions::CONFIRM_WITHIN`).
pub fn confirm_question(to: &str, lang: Lang, name: &str, number: &str, body_name: &str, link: &str) -> OutgoingEmail {
    let (subject, lines) = match lang {
        Lang::Kk => (
            format!("Сұрағыңызды растаңыз: {number}"),
            vec![
                format!("Сәлеметсіз бе, {name}!"),
                format!("Сіз «{body_name}» мемлекеттік органына сұрақ жібердіңіз. Тіркеу нөмірі: {number}."),
                "Сұрақ модераторға жетуі үшін электрондық пошта мекенжайыңызды растаңыз. Ол үшін мына сілтемені ашыңыз:".to_owned(),
                link.to_owned(),
                "Сілтеме 3 күн жарамды. Егер сұрақты сіз жібермеген болсаңыз, бұл хатқа жауап бермеңіз: сұрақ қаралмайды.".to_owned(),
            ],
        ),
        Lang::Ru => (
            format!("Подтвердите ваш вопрос: {number}"),
            vec![
                format!("Здравствуйте, {name}!"),
                format!("Вы отправили вопрос в государственный орган «{body_name}». Регистрационный номер: {number}."),
                "Чтобы вопрос поступил модератору, подтвердите адрес электронной почты. Для этого откройте ссылку:".to_owned(),
                link.to_owned(),
                "Ссылка действует 3 дня. Если вы не отправляли этот вопрос, не отвечайте на письмо: вопрос не будет рассмотрен.".to_owned(),
            ],
        ),
        Lang::En => (
            format!("Please confirm your question: {number}"),
            vec![
                format!("Hello {name},"),
                format!("You sent a question to {body_name}. Registration number: {number}."),
                "To pass your question to a moderator, please confirm your email address by opening this link:".to_owned(),
                link.to_owned(),
                "The link is valid for 3 days. If you did not send this question, ignore this email: the question will not be considered.".to_owned(),
            ],
        ),
    };
    compose(to, lang, subject, &lines)
}

/// Tells the citizen that the answer is published, with the link to it.
pub fn answer_published(
    to: &str,
    lang: Lang,
    name: &str,
    number: &str,
    body_name: &str,
    link: &str,
    rate_link: &str,
) -> OutgoingEmail {
    let (subject, lines) = match lang {
        Lang::Kk => (
            format!("Сұрағыңызға жауап жарияланды: {number}"),
            vec![
                format!("Сәлеметсіз бе, {name}!"),
                format!(
                    "«{body_name}» мемлекеттік органы {number} нөмірлі сұрағыңызға жауап берді. Жауапты мына сілтеме бойынша оқи аласыз:"
                ),
                link.to_owned(),
                "Жауапты 1-ден 5-ке дейін бағалаңыз. Бұл қызметті жақсартуға көмектеседі:".to_owned(),
                rate_link.to_owned(),
            ],
        ),
        Lang::Ru => (
            format!("Ответ на ваш вопрос опубликован: {number}"),
            vec![
                format!("Здравствуйте, {name}!"),
                format!(
                    "Государственный орган «{body_name}» ответил на ваш вопрос № {number}. Ответ можно прочитать по ссылке:"
                ),
                link.to_owned(),
                "Оцените ответ от 1 до 5. Это помогает улучшать работу сервиса:".to_owned(),
                rate_link.to_owned(),
            ],
        ),
        Lang::En => (
            format!("The answer to your question is published: {number}"),
            vec![
                format!("Hello {name},"),
                format!("{body_name} has answered your question {number}. You can read the answer here:"),
                link.to_owned(),
                "Please rate the answer from 1 to 5. This helps to improve the service:".to_owned(),
                rate_link.to_owned(),
            ],
        ),
    };
    compose(to, lang, subject, &lines)
}

/// Tells the citizen why the question was not registered; for a duplicate, where the answer is.
pub fn question_rejected(
    to: &str,
    lang: Lang,
    name: &str,
    number: &str,
    body_name: &str,
    reason: api::office::RejectReason,
    answer_link: Option<&str>,
) -> OutgoingEmail {
    use api::office::RejectReason::*;
    let why = match (lang, reason) {
        (Lang::Kk, Spam) => "сұрақ спам ретінде танылды",
        (Lang::Kk, Offensive) => "мәтінде балағат немесе қорлайтын сөздер бар",
        (Lang::Kk, OffTopic) => "сұрақ бұл органның құзыретіне жатпайды",
        (Lang::Kk, Duplicate) => "бұл сұраққа жауап бұрын жарияланған",
        (Lang::Kk, NotAQuestion) => "хатта сұрақ жоқ",
        (Lang::Ru, Spam) => "обращение признано спамом",
        (Lang::Ru, Offensive) => "текст содержит нецензурные или оскорбительные выражения",
        (Lang::Ru, OffTopic) => "вопрос не относится к компетенции этого органа",
        (Lang::Ru, Duplicate) => "ответ на этот вопрос уже опубликован",
        (Lang::Ru, NotAQuestion) => "в обращении нет вопроса",
        (Lang::En, Spam) => "it was recognised as spam",
        (Lang::En, Offensive) => "the text contains obscene or offensive language",
        (Lang::En, OffTopic) => "the question is outside this body's competence",
        (Lang::En, Duplicate) => "this question has already been answered",
        (Lang::En, NotAQuestion) => "the message contains no question",
    };
    let (subject, mut lines, see, again) = match lang {
        Lang::Kk => (
            format!("Сұрағыңыз тіркелмеді: {number}"),
            vec![
                format!("Сәлеметсіз бе, {name}!"),
                format!("«{body_name}» мемлекеттік органына жіберген {number} сұрағыңыз тіркелмеді, себебі {why}."),
            ],
            "Жауапты мына сілтеме бойынша оқи аласыз:",
            "Қажет болса, сұрақты нақтылап, қайта жібере аласыз.",
        ),
        Lang::Ru => (
            format!("Ваш вопрос не зарегистрирован: {number}"),
            vec![
                format!("Здравствуйте, {name}!"),
                format!("Ваш вопрос № {number} в государственный орган «{body_name}» не зарегистрирован: {why}."),
            ],
            "Ответ можно прочитать по ссылке:",
            "Если нужно, уточните вопрос и отправьте его ещё раз.",
        ),
        Lang::En => (
            format!("Your question was not registered: {number}"),
            vec![format!("Hello {name},"), format!("Your question {number} to {body_name} was not registered: {why}.")],
            "You can read the answer here:",
            "If you wish, make the question more precise and send it again.",
        ),
    };
    let link = answer_link.unwrap_or_default();
    if answer_link.is_some() {
        lines.push(see.to_owned());
        lines.push(link.to_owned());
    }
    lines.push(again.to_owned());
    compose(to, lang, subject, &lines)
}

/// Tells the citizen that the question went to the competent body, keeping its number.
pub fn question_redirected(
    to: &str,
    lang: Lang,
    name: &str,
    number: &str,
    from_body: &str,
    to_body: &str,
) -> OutgoingEmail {
    let (subject, lines) = match lang {
        Lang::Kk => (
            format!("Сұрағыңыз басқа мемлекеттік органға жолданды: {number}"),
            vec![
                format!("Сәлеметсіз бе, {name}!"),
                format!(
                    "«{from_body}» мемлекеттік органына жіберген {number} сұрағыңыз бұл органның құзыретіне жатпайтындықтан, қарау үшін «{to_body}» мемлекеттік органына жолданды."
                ),
                "Тіркеу нөмірі өзгермейді. Жауап жарияланғанда, сізге хат келеді.".to_owned(),
            ],
        ),
        Lang::Ru => (
            format!("Ваш вопрос передан в другой государственный орган: {number}"),
            vec![
                format!("Здравствуйте, {name}!"),
                format!(
                    "Ваш вопрос № {number} не относится к компетенции государственного органа «{from_body}», поэтому он передан на рассмотрение в государственный орган «{to_body}»."
                ),
                "Регистрационный номер остаётся прежним. Когда ответ будет опубликован, вы получите письмо.".to_owned(),
            ],
        ),
        Lang::En => (
            format!("Your question was passed to another government body: {number}"),
            vec![
                format!("Hello {name},"),
                format!(
                    "Your question {number} is outside the competence of {from_body}, so it has been passed to {to_body} for consideration."
                ),
                "The registration number stays the same. You will receive an email when the answer is published."
                    .to_owned(),
            ],
        ),
    };
    compose(to, lang, subject, &lines)
}

/// The reply to a request for a personal reception: sent, never published. `answer` is the
/// answer's text without markup.
pub fn reception_reply(to: &str, lang: Lang, name: &str, number: &str, body_name: &str, answer: &str) -> OutgoingEmail {
    let (subject, lines) = match lang {
        Lang::Kk => (
            format!("Жеке қабылдауға өтінішіңізге жауап: {number}"),
            vec![
                format!("Сәлеметсіз бе, {name}!"),
                format!(
                    "«{body_name}» мемлекеттік органы {number} нөмірлі жеке қабылдауға жазылу өтінішіңізді қарады. Жауап:"
                ),
                answer.to_owned(),
                "Қабылдауға жеке басыңызды куәландыратын құжатыңызды ала келіңіз.".to_owned(),
            ],
        ),
        Lang::Ru => (
            format!("Ответ на вашу заявку на личный приём: {number}"),
            vec![
                format!("Здравствуйте, {name}!"),
                format!(
                    "Государственный орган «{body_name}» рассмотрел вашу заявку на личный приём № {number}. Ответ:"
                ),
                answer.to_owned(),
                "На приём возьмите с собой документ, удостоверяющий личность.".to_owned(),
            ],
        ),
        Lang::En => (
            format!("The answer to your request for a personal reception: {number}"),
            vec![
                format!("Hello {name},"),
                format!("{body_name} has considered your request for a personal reception {number}. The answer:"),
                answer.to_owned(),
                "Please bring an identity document to the reception.".to_owned(),
            ],
        ),
    };
    compose(to, lang, subject, &lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_confirmation_is_in_the_questions_language_with_number_and_link() {
        let link = "https://example.kz/ru/questions/confirm#abc";
        let mail = confirm_question("a@b.kz", Lang::Ru, "Айгуль", "ЖТ-2026-00000001", "Акимат города Астаны", link);
        assert_eq!(mail.subject, "Подтвердите ваш вопрос: ЖТ-2026-00000001");
        assert!(mail.text.contains(link) && mail.text.contains("С уважением"));
        assert!(mail.html.contains(&format!("<a href=\"{link}\">")));
        assert!(mail.html.contains("lang=\"ru\""));
    }

    #[test]
    fn names_are_escaped_in_html() {
        let mail = confirm_question("a@b.kz", Lang::En, "<b>Eve</b>", "ЖТ-2026-00000001", "Body", "https://x");
        assert!(mail.html.contains("&lt;b&gt;Eve&lt;/b&gt;"));
        assert!(!mail.html.contains("<b>Eve"));
    }

    #[test]
    fn a_redirection_names_both_bodies_and_keeps_the_number_in_every_language() {
        for lang in Lang::ALL {
            let mail = question_redirected("a@b.kz", lang, "Нұрлан", "ЖТ-2026-00000001", "<Еңбек>", "Астана әкімдігі");
            assert!(mail.subject.ends_with("ЖТ-2026-00000001"), "{lang:?}: {}", mail.subject);
            assert!(mail.text.contains("«Астана әкімдігі»") || lang == Lang::En, "{}", mail.text);
            assert!(mail.text.contains("<Еңбек>") && mail.text.contains("Астана әкімдігі"), "{}", mail.text);
            assert!(mail.html.contains("&lt;Еңбек&gt;") && !mail.html.contains("<Еңбек>"));
            assert!(mail.html.contains(&format!("lang=\"{}\"", lang.code())));
        }
        let kk = question_redirected("a@b.kz", Lang::Kk, "Нұрлан", "ЖТ-2026-00000001", "Еңбек", "Астана");
        assert!(kk.text.starts_with("Сәлеметсіз бе, Нұрлан!") && kk.text.contains("Құрметпен"), "{}", kk.text);
    }
}
