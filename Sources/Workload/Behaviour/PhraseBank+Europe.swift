// Phrases in English, Spanish, Latvian, French, German and Portuguese.
extension PhraseBank {
    static let english = PhraseBank(
        greetings: [
            "Hello!", "Hi there.", "Good morning.", "Hello, I need some help.", "Hi, quick question.", "Good afternoon.",
        ],
        questions: [
            "Where is my order?", "Can I change the delivery address?", "How long does shipping take?",
            "Is this item available in a larger size?", "Do you ship to my country?", "How do I return a product?",
            "My payment failed, what should I do?", "Can I get a discount on a second item?",
            "When will the refund arrive?", "How do I reset my password?",
        ],
        answers: [
            "Let me check that for you.", "Your order left our warehouse yesterday.",
            "Yes, you can change the address until the parcel ships.", "Delivery usually takes three to five working days.",
            "I have sent a return label to your email.", "The refund reaches your account within a week.",
            "That size is back in stock next Monday.", "Please try the payment again in a few minutes.",
            "I have applied a ten percent discount.", "You can reset it from the login page.",
        ],
        thanks: [
            "Thank you!", "Thanks, that helps.", "Great, thanks a lot.", "Perfect, have a nice day.", "Thanks for your help.",
            "Okay, that is all for now.",
        ]
    )

    static let spanish = PhraseBank(
        greetings: [
            "¡Hola!", "Buenos días.", "Buenas tardes.", "Hola, necesito ayuda.", "Hola, una consulta rápida.", "¿Hay alguien ahí?",
        ],
        questions: [
            "¿Dónde está mi pedido?", "¿Puedo cambiar la dirección de entrega?", "¿Cuánto tarda el envío?",
            "¿Tienen esta prenda en una talla más grande?", "¿Envían a Perú?", "¿Cómo devuelvo un producto?",
            "Mi pago no se completó, ¿qué hago?", "¿Hay descuento por comprar dos unidades?",
            "¿Cuándo recibiré el reembolso?", "¿Cómo cambio mi contraseña?",
        ],
        answers: [
            "Déjeme revisarlo.", "Su pedido salió del almacén ayer.", "Sí, puede cambiarla hasta que se envíe el paquete.",
            "La entrega tarda de tres a cinco días hábiles.", "Le envié una etiqueta de devolución por correo.",
            "El reembolso llegará en menos de una semana.", "Esa talla vuelve a estar disponible el lunes.",
            "Intente pagar de nuevo en unos minutos.", "Le apliqué un descuento del diez por ciento.",
            "Puede cambiarla desde la página de inicio de sesión.",
        ],
        thanks: [
            "¡Gracias!", "Gracias, me sirve mucho.", "Perfecto, muchas gracias.", "Muy amable, que tenga un buen día.",
            "Gracias por la ayuda.", "Listo, eso es todo.",
        ]
    )

    static let latvian = PhraseBank(
        greetings: [
            "Labdien!", "Sveiki!", "Labrīt!", "Sveiki, man vajadzīga palīdzība.", "Labdien, man ir jautājums.", "Labvakar!",
        ],
        questions: [
            "Kur ir mans pasūtījums?", "Vai varu mainīt piegādes adresi?", "Cik ilgi notiek piegāde?",
            "Vai šī prece ir pieejama lielākā izmērā?", "Vai jūs sūtāt uz Lietuvu?", "Kā es varu atgriezt preci?",
            "Mans maksājums neizdevās, ko man darīt?", "Vai ir atlaide, pērkot divas preces?",
            "Kad es saņemšu naudu atpakaļ?", "Kā nomainīt paroli?",
        ],
        answers: [
            "Ļaujiet man to pārbaudīt.", "Jūsu pasūtījums vakar izgāja no noliktavas.",
            "Jā, adresi var mainīt, līdz sūtījums ir nosūtīts.", "Piegāde parasti aizņem trīs līdz piecas darba dienas.",
            "Atgriešanas uzlīmi nosūtīju uz jūsu e-pastu.", "Nauda jūsu kontā būs nedēļas laikā.",
            "Šis izmērs atkal būs pieejams pirmdien.", "Lūdzu, mēģiniet samaksāt vēlreiz pēc dažām minūtēm.",
            "Es piemēroju desmit procentu atlaidi.", "Paroli var nomainīt pieteikšanās lapā.",
        ],
        thanks: [
            "Paldies!", "Paldies, tas palīdz.", "Lieliski, liels paldies.", "Paldies par palīdzību.", "Viss skaidrs, jauku dienu!",
            "Labi, tas pagaidām ir viss.",
        ]
    )

    static let french = PhraseBank(
        greetings: [
            "Bonjour !", "Bonsoir.", "Bonjour, j'ai besoin d'aide.", "Salut, une petite question.", "Bonjour, vous êtes là ?",
            "Bonjour, je voudrais un renseignement.",
        ],
        questions: [
            "Où en est ma commande ?", "Puis-je changer l'adresse de livraison ?", "Combien de temps prend la livraison ?",
            "Cet article existe-t-il dans une taille au-dessus ?", "Livrez-vous en Belgique ?", "Comment retourner un produit ?",
            "Mon paiement a échoué, que dois-je faire ?", "Y a-t-il une remise pour deux articles ?",
            "Quand vais-je recevoir mon remboursement ?", "Comment changer mon mot de passe ?",
        ],
        answers: [
            "Je vérifie cela pour vous.", "Votre commande a quitté l'entrepôt hier.",
            "Oui, l'adresse peut être modifiée tant que le colis n'est pas parti.",
            "La livraison prend en général trois à cinq jours ouvrés.", "Je vous ai envoyé une étiquette de retour par e-mail.",
            "Le remboursement arrivera sous une semaine.", "Cette taille sera de nouveau disponible lundi.",
            "Réessayez le paiement dans quelques minutes.", "J'ai appliqué une remise de dix pour cent.",
            "Vous pouvez le changer depuis la page de connexion.",
        ],
        thanks: [
            "Merci !", "Merci, ça m'aide beaucoup.", "Parfait, merci beaucoup.", "Merci pour votre aide.",
            "Très bien, ce sera tout.", "Bonne journée !",
        ]
    )

    static let german = PhraseBank(
        greetings: [
            "Hallo!", "Guten Tag.", "Guten Morgen.", "Hallo, ich brauche Hilfe.", "Hallo, eine kurze Frage.", "Guten Abend.",
        ],
        questions: [
            "Wo ist meine Bestellung?", "Kann ich die Lieferadresse ändern?", "Wie lange dauert der Versand?",
            "Gibt es diesen Artikel eine Nummer größer?", "Liefern Sie auch nach Österreich?",
            "Wie kann ich einen Artikel zurückschicken?", "Meine Zahlung ist fehlgeschlagen, was soll ich tun?",
            "Gibt es Rabatt, wenn ich zwei Stück kaufe?", "Wann kommt meine Rückerstattung?", "Wie ändere ich mein Passwort?",
        ],
        answers: [
            "Ich schaue gleich nach.", "Ihre Bestellung hat gestern unser Lager verlassen.",
            "Ja, die Adresse lässt sich ändern, bis das Paket verschickt ist.", "Die Lieferung dauert meist drei bis fünf Werktage.",
            "Ich habe Ihnen ein Rücksendeetikett gemailt.", "Die Rückerstattung ist innerhalb einer Woche auf Ihrem Konto.",
            "Diese Größe ist ab Montag wieder vorrätig.", "Bitte versuchen Sie die Zahlung in ein paar Minuten erneut.",
            "Ich habe zehn Prozent Rabatt eingetragen.", "Das Passwort ändern Sie auf der Anmeldeseite.",
        ],
        thanks: [
            "Danke!", "Danke, das hilft mir.", "Super, vielen Dank.", "Danke für Ihre Hilfe.", "Alles klar, das war's.",
            "Schönen Tag noch!",
        ]
    )

    static let portuguese = PhraseBank(
        greetings: [
            "Olá!", "Bom dia.", "Boa tarde.", "Olá, preciso de ajuda.", "Oi, uma pergunta rápida.", "Boa noite.",
        ],
        questions: [
            "Onde está o meu pedido?", "Posso mudar o endereço de entrega?", "Quanto tempo demora o envio?",
            "Este produto tem num tamanho maior?", "Vocês entregam em Portugal?", "Como faço para devolver um produto?",
            "Meu pagamento falhou, o que devo fazer?", "Há desconto na compra de duas peças?",
            "Quando vou receber o reembolso?", "Como altero a minha senha?",
        ],
        answers: [
            "Vou verificar para você.", "Seu pedido saiu do armazém ontem.",
            "Sim, dá para mudar o endereço até o pacote ser enviado.", "A entrega costuma levar de três a cinco dias úteis.",
            "Enviei uma etiqueta de devolução para o seu e-mail.", "O reembolso cai na sua conta em até uma semana.",
            "Esse tamanho volta ao estoque na segunda-feira.", "Tente pagar novamente daqui a alguns minutos.",
            "Apliquei um desconto de dez por cento.", "Você pode alterar a senha na página de login.",
        ],
        thanks: [
            "Obrigado!", "Obrigada, ajudou muito.", "Ótimo, muito obrigado.", "Obrigado pela ajuda.",
            "Certo, por enquanto é só.", "Tenha um bom dia!",
        ]
    )
}
