/// What the reference server's bot and invitations say, per language (written for this project).
enum BotPhrases {
    private static let answers: [String: (resolved: String, escalated: String)] = [
        "en": ("Here is the answer from our help centre. Glad I could help!", "Let me connect you with a colleague."),
        "es": ("Aquí tienes la respuesta de nuestro centro de ayuda. ¡Encantado de ayudar!", "Te paso con un compañero."),
        "fr": ("Voici la réponse de notre centre d'aide. Ravi d'avoir pu aider !", "Je vous mets en relation avec un collègue."),
        "de": ("Hier ist die Antwort aus unserem Hilfe-Center. Gern geschehen!", "Ich verbinde Sie mit einem Kollegen."),
        "pt": ("Aqui está a resposta da nossa central de ajuda. Fico feliz em ajudar!", "Vou transferir para um colega."),
        "hi": ("यह रहा हमारे सहायता केंद्र का उत्तर। मदद करके खुशी हुई!", "मैं आपको एक सहकर्मी से जोड़ता हूँ।"),
        "mr": ("हे आमच्या मदत केंद्राचे उत्तर आहे. मदत करून आनंद झाला!", "मी तुम्हाला सहकाऱ्याशी जोडतो."),
        "te": ("ఇదిగో మా సహాయ కేంద్రం నుండి సమాధానం. సహాయం చేయడం ఆనందంగా ఉంది!", "నేను మిమ్మల్ని సహోద్యోగికి కలుపుతాను."),
        "ja": ("ヘルプセンターからの回答です。お役に立てて嬉しいです！", "担当者におつなぎします。"),
        "zh": ("这是我们帮助中心的答案。很高兴能帮到您！", "我为您转接同事。"),
        "ar": ("إليك الإجابة من مركز المساعدة لدينا. يسعدنا أننا ساعدناك!", "سأحولك إلى أحد زملائي."),
    ]

    private static let invitations: [String: String] = [
        "en": "Can we help you with anything?",
        "es": "¿Podemos ayudarte en algo?",
        "fr": "Pouvons-nous vous aider ?",
        "de": "Können wir Ihnen helfen?",
        "pt": "Podemos ajudar em alguma coisa?",
        "hi": "क्या हम आपकी कोई मदद कर सकते हैं?",
        "mr": "आम्ही तुम्हाला काही मदत करू शकतो का?",
        "te": "మేము మీకు ఏమైనా సహాయం చేయగలమా?",
        "ja": "何かお手伝いできることはありますか？",
        "zh": "有什么可以帮您的吗？",
        "ar": "هل يمكننا مساعدتك في شيء؟",
    ]

    static func answer(language: String, resolved: Bool) -> String {
        let pair = answers[language] ?? answers["en"]!
        return resolved ? pair.resolved : pair.escalated
    }

    static func invitation(language: String) -> String {
        invitations[language] ?? invitations["en"]!
    }
}
